import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type AmazonSandbox, type ShopifySandbox, startAmazonSandbox, startShopifySandbox } from '@ops/api-sandbox';

import { amazonEnv, shopifyEnv } from './support/sandbox-env';
import { killLeftovers, runToExit, spawnProduct, terminate } from './support/spawn-product';
import { SseSubscriber } from './support/sse-subscriber';

const DAY_MS = 86_400_000;
const STAGES = ['loading_history', 'fitting', 'backtesting', 'saving'];

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const getJson = async (url: string, method = 'GET') => {
  const response = await fetch(url, { method });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

type Progress = { stage: string; progress: number };
type SkuForecast = { sku: string; status: string; model: string; history: { from: string; to: string; days: number }; points: { date: string; mean: number; lo80: number; hi80: number }[] };

describe('forecast jobs in the built process (sandbox Shopify and Amazon orders -> syncs -> job -> /sse/jobs/{jobId})', () => {
  let dataRoot: string;
  let sandbox: ShopifySandbox | undefined;
  let amazon: AmazonSandbox | undefined;

  beforeEach(() => (dataRoot = mkdtempSync(join(tmpdir(), 'forecast-jobs-'))));
  afterEach(async () => {
    killLeftovers();
    await sandbox?.close();
    await amazon?.close();
    sandbox = amazon = undefined;
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('streams ordered progress and a forecast:complete with real per-SKU forecasts; a second POST joins; DELETE cancels; the nightly job forecasts every SKU', async () => {
    // 120 days of orders up to today's midnight (UTC), 10 SKUs: every SKU has months of daily history.
    const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    sandbox = await startShopifySandbox({
      shops: [{ domain: 'fc-uk.myshopify.com', currency: 'GBP', orders: 2400, products: 10 }],
      rateLimits: 'off',
      referenceDate: today.toISOString(),
      spanDays: 120,
    });
    // Amazon's sandbox sells over the last 29 days: too short a history to forecast, on purpose.
    amazon = await startAmazonSandbox({ marketplaces: [{ id: 'A1F83G8C2ARO7P', currency: 'GBP', skus: 40, orders: 300, shipments: 2 }], port: 0, rateLimits: 'off' });
    const amazonManifest = {
      endpoint: amazon.url,
      region: 'eu',
      marketplaces: [{ id: 'A1F83G8C2ARO7P', currency: 'GBP' }],
      ...amazon.credentials,
    } as Parameters<typeof amazonEnv>[0];
    const env = { DATA_DIR: join(dataRoot, 'pglite'), BUSINESS_TIMEZONE: 'UTC', ...shopifyEnv(sandbox), ...amazonEnv(amazonManifest) };
    const product = await spawnProduct(env);
    const sales = new SseSubscriber(`${product.url}/sse/sales`);
    let jobEvents: SseSubscriber | undefined;
    try {
      await sales.waitFor((events) => ['shopify:sync_completed', 'amazon:sync_completed'].every((type) => events.some((e) => e.type === type)), 90_000);
      const synced = sales.events[sales.events.length - 1];

      const bad = await post(`${product.url}/api/forecast-jobs`, { horizonDays: 400 });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('horizonDays');

      const first = await post(`${product.url}/api/forecast-jobs`, { horizonDays: 14, sources: ['shopify'] });
      expect(first.status).toBe(202);
      const jobId = first.body['jobId'] as string;
      // Replays the job's events published since the sync finished, so none is missed while connecting.
      jobEvents = new SseSubscriber(`${product.url}/sse/jobs/${jobId}?lastEventId=${String(synced?.data['id'])}`);
      const second = await post(`${product.url}/api/forecast-jobs`, { sources: ['shopify'], horizonDays: 14 });
      expect(second.body).toMatchObject({ jobId, joined: true });

      await jobEvents.waitFor((events) => events.some((e) => e.type === 'forecast:complete' || e.type === 'forecast:error'), 90_000);
      const types = jobEvents.types();
      expect(types[types.length - 1]).toBe('forecast:complete');
      const progress = jobEvents.events.filter((e) => e.type === 'forecast:progress').map((e) => e.data.payload as unknown as Progress);
      expect([...new Set(progress.map((p) => p.stage))]).toEqual(STAGES);
      expect(progress[0].progress).toBe(0);
      for (let i = 1; i < progress.length; i++) {
        expect(STAGES.indexOf(progress[i].stage)).toBeGreaterThanOrEqual(STAGES.indexOf(progress[i - 1].stage));
        expect(progress[i].progress).toBeGreaterThanOrEqual(progress[i - 1].progress);
        // 10 SKUs: fitting and backtesting advance one SKU at a time (4.5 % and 3.5 % of the job).
        expect(progress[i].progress - progress[i - 1].progress).toBeLessThanOrEqual(0.05);
      }

      const complete = jobEvents.events.find((e) => e.type === 'forecast:complete')?.data.payload as unknown as {
        skus: { total: number; forecast: number; insufficient_history: number };
        forecasts: SkuForecast[];
        truncated: boolean;
        historyThrough: string;
      };
      const yesterday = new Date(today.getTime() - DAY_MS).toISOString().slice(0, 10);
      expect(complete.historyThrough).toBe(yesterday);
      // 10 products, one SKU per variant; every SKU sold through the 120 days, so each gets a forecast.
      expect(complete.skus.total).toBeGreaterThanOrEqual(10);
      expect(complete.skus).toEqual({ total: complete.skus.total, forecast: complete.skus.total, insufficient_history: 0 });
      expect(complete.truncated).toBe(false);
      expect(complete.forecasts).toHaveLength(complete.skus.total);
      for (const f of complete.forecasts) {
        expect(f.points).toHaveLength(14);
        expect(f.points[0].date).toBe(today.toISOString().slice(0, 10));
        expect(f.history.to).toBe(yesterday);
        // Days counted by hand from the window's dates: from the first sale through yesterday.
        expect(f.history.days).toBe((Date.parse(f.history.to) - Date.parse(f.history.from)) / DAY_MS + 1);
        expect(f.history.days).toBeGreaterThanOrEqual(110);
      }

      const stored = await getJson(`${product.url}/api/forecast-jobs/${jobId}`);
      expect(stored.body).toMatchObject({ jobId, status: 'succeeded', progress: 1, summary: { skus: complete.skus } });
      const rows = stored.body['forecasts'] as { sku: string; status: string; model: string; points: unknown[] }[];
      for (const f of complete.forecasts) {
        expect(rows.find((r) => r.sku === f.sku)).toMatchObject({ status: 'ok', model: f.model, points: f.points });
      }

      // Every channel: Amazon's SKUs join the job and, with 29 days of sales, get insufficient_history.
      const everyChannel = await post(`${product.url}/api/forecast-jobs`, { horizonDays: 7 });
      const everyId = everyChannel.body['jobId'] as string;
      for (let i = 0; i < 600; i++) {
        if ((await getJson(`${product.url}/api/forecast-jobs/${everyId}`)).body['status'] === 'succeeded') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const everyRows = (await getJson(`${product.url}/api/forecast-jobs/${everyId}`)).body['forecasts'] as { sku: string; status: string }[];
      const amazonRows = everyRows.filter((r) => r.sku.startsWith('SKU-'));
      expect(amazonRows.length).toBeGreaterThan(0);
      expect(amazonRows.every((r) => r.status === 'insufficient_history')).toBe(true);
      expect(everyRows.filter((r) => r.status === 'ok').map((r) => r.sku).sort()).toEqual(complete.forecasts.map((f) => f.sku).sort());

      const cancelled = await post(`${product.url}/api/forecast-jobs`, { horizonDays: 60 });
      const cancelId = cancelled.body['jobId'] as string;
      const cancelEvents = new SseSubscriber(`${product.url}/sse/jobs/${cancelId}?lastEventId=${String(jobEvents.events[jobEvents.events.length - 1].data['id'])}`);
      try {
        expect((await getJson(`${product.url}/api/forecast-jobs/${cancelId}`, 'DELETE')).status).toBe(202);
        await cancelEvents.waitFor((events) => events.some((e) => e.type === 'forecast:error' || e.type === 'forecast:complete'), 60_000);
        expect(cancelEvents.events.find((e) => e.type === 'forecast:error')?.data.payload).toMatchObject({ jobId: cancelId, error: { code: 'cancelled' } });
        expect((await getJson(`${product.url}/api/forecast-jobs/${cancelId}`)).body).toMatchObject({ status: 'cancelled', forecasts: null });
      } finally {
        cancelEvents.close();
      }
    } finally {
      sales.close();
      jobEvents?.close();
    }
    expect((await terminate(product)).code).toBe(0);

    // The nightly job (the one FORECAST_CRON fires) run once over the same store: a full job over every SKU.
    const nightly = await runToExit(['sync', 'forecast'], env);
    expect(nightly.code).toBe(0);
    const result = JSON.parse(nightly.output.trim().split('\n').at(-1) ?? '{}') as { status?: string; counters?: Record<string, number> };
    expect(result.status).toBe('succeeded');
    expect(result.counters?.['forecast']).toBeGreaterThan(0);
    expect(result.counters?.['skus']).toBe((result.counters?.['forecast'] ?? 0) + (result.counters?.['insufficientHistory'] ?? 0));
  });
});
