import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ShopifySandbox, startShopifySandbox } from '@ops/api-sandbox';
import { getCursor, listRuns, openDatabase, sumOrdersByAccount } from '@ops/store';

import { shopifyEnv } from './support/sandbox-env';
import { killLeftovers, runToExit, spawnNpmStart, spawnProduct, terminate } from './support/spawn-product';
import { SseSubscriber } from './support/sse-subscriber';

const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as unknown };
};

/** What a finished process left in its PGlite data directory, read back with the store. */
async function storedIn(dataDir: string, store?: string) {
  const database = await openDatabase({ dataDir });
  try {
    // Every stored order, test and cancelled ones included.
    const totals = await sumOrdersByAccount(database.db, 'shopify', { includeTest: true, includeCancelled: true });
    return {
      runs: await listRuns(database.db, { integration: 'shopify' }),
      orders: totals.reduce((sum, row) => sum + row.orders, 0),
      cursor: store ? await getCursor(database.db, 'shopify', store) : null,
    };
  } finally {
    await database.close();
  }
}

/** Every external system in registry order, with the variable its "not configured" reason names. */
const NOT_CONFIGURED = [
  ['shopify', 'SHOPIFY_STORES'],
  ['amazon', 'AMAZON_MARKETPLACES'],
  ['unleashed', 'UNLEASHED_API_ID'],
  ['xero', 'XERO_CLIENT_ID'],
] as const;

describe('all-in-one (the built process)', () => {
  let dataRoot: string;
  let sandbox: ShopifySandbox | undefined;

  beforeEach(() => (dataRoot = mkdtempSync(join(tmpdir(), 'all-in-one-'))));
  afterEach(async () => {
    killLeftovers();
    await sandbox?.close();
    sandbox = undefined;
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('`npm start` (as a newcomer runs it) serves every integration as not configured and exits 0 within 5 s of SIGTERM', async () => {
    const product = await spawnNpmStart({ DATA_DIR: join(dataRoot, 'pglite') });
    const integrations = await getJson(`${product.url}/api/integrations`);
    expect(integrations.body).toEqual([
      ...NOT_CONFIGURED.map(([integration]) => expect.objectContaining({ integration, configured: false })),
      expect.objectContaining({ integration: 'forecast', configured: true }),
    ]);
    expect((await getJson(`${product.url}/health`)).status).toBe(200);
    const { code, ms } = await terminate(product);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
  });

  it('with nothing configured serves health, status and every integration as not configured, and exits 0 soon after SIGTERM', async () => {
    const product = await spawnProduct({ DATA_DIR: join(dataRoot, 'pglite') });
    expect((await getJson(`${product.url}/health`)).body).toMatchObject({ status: 'ok', ready: true });
    expect((await getJson(`${product.url}/sse/status`)).body).toMatchObject({ activeConnections: 0 });
    const integrations = await getJson(`${product.url}/api/integrations`);
    expect(integrations.status).toBe(200);
    expect(integrations.body).toEqual([
      ...NOT_CONFIGURED.map(([integration, variable]) => ({
        integration,
        configured: false,
        reason: expect.stringContaining(variable),
        accounts: [],
        lastRun: null,
        nextRunAt: null,
      })),
      // The forecast job reads only the store, so it is always configured; a fresh store gives it
      // nothing to forecast, and its first run at start-up says so honestly.
      expect.objectContaining({ integration: 'forecast', configured: true, nextRunAt: expect.any(String) }),
    ]);
    for (const [integration, variable] of NOT_CONFIGURED) {
      expect(product.output()).toMatch(new RegExp(`${integration}: not configured \\(${variable}`));
    }
    const { code, ms } = await terminate(product);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
  });

  it('with sandbox shops runs the first sync at start-up and streams shopify events on the same port', async () => {
    sandbox = await startShopifySandbox({
      shops: [
        { domain: 'aio-uk.myshopify.com', currency: 'GBP', orders: 120 },
        { domain: 'aio-us.myshopify.com', currency: 'USD', orders: 80 },
      ],
      rateLimits: 'off',
      // Keeps the backfill running long enough for the subscriber to connect first.
      bulkDelayMs: 1_500,
    });
    const product = await spawnProduct({ DATA_DIR: join(dataRoot, 'pglite'), ...shopifyEnv(sandbox) });
    const subscriber = new SseSubscriber(`${product.url}/sse/sales`);
    try {
      await subscriber.waitFor((events) => events.some((e) => e.type === 'shopify:sync_completed'));
      const synced = subscriber.events.filter((e) => e.type === 'shopify:store_synced').map((e) => e.data.payload);
      expect(synced).toHaveLength(2);
      const uk = synced.find((p) => p?.['storeId'] === 'aio-uk.myshopify.com');
      expect(uk).toMatchObject({ orders: sandbox.expectedTotals('aio-uk.myshopify.com').orders, currency: 'GBP' });
      expect(subscriber.events.find((e) => e.type === 'shopify:sync_completed')?.data.source).toMatchObject({ environment: 'sandbox' });

      const [shopify] = (await getJson(`${product.url}/api/integrations`)).body as Record<string, unknown>[];
      expect(shopify).toMatchObject({
        integration: 'shopify',
        configured: true,
        accounts: [{ id: 'aio-uk.myshopify.com' }, { id: 'aio-us.myshopify.com' }],
        lastRun: { status: 'succeeded', counters: { stores: 2, failedStores: 0 } },
        nextRunAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    } finally {
      subscriber.close();
    }
    expect((await terminate(product)).code).toBe(0);
  });

  it('on SIGTERM mid-sync stops at a page boundary, records the run interrupted, drains its events and exits 0', async () => {
    sandbox = await startShopifySandbox({
      shops: [{ domain: 'aio-slow.myshopify.com', currency: 'EUR', orders: 600 }],
      rateLimits: 'off',
      faults: { slow: { delayMs: 150, times: 'always', api: 'graphql' } },
    });
    const dataDir = join(dataRoot, 'pglite');
    const product = await spawnProduct({ DATA_DIR: dataDir, SHOPIFY_BULK_BACKFILL: 'off', ...shopifyEnv(sandbox) });
    const subscriber = new SseSubscriber(`${product.url}/sse/sales`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const { code, ms } = await terminate(product);
    subscriber.close();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(subscriber.types()).toContain('shopify:sync_error');
    expect(subscriber.events.find((e) => e.type === 'shopify:sync_error')?.data.payload).toMatchObject({
      error: { code: 'INTERRUPTED' },
      retryable: true,
    });
    const stored = await storedIn(dataDir, 'aio-slow.myshopify.com');
    expect(stored.runs[0]).toMatchObject({ status: 'interrupted', error: { code: 'INTERRUPTED' } });
    // Stopped between pages: some whole pages committed with their cursor, not the whole store.
    expect(stored.orders).toBeGreaterThan(0);
    expect(stored.orders).toBeLessThan(600);
    expect(stored.orders % 15).toBe(0);
    expect(stored.cursor).toContain('ordersUpdatedAt');
  });

  it('marks a run left running by a killed process abandoned on the next start, then completes a new one', async () => {
    sandbox = await startShopifySandbox({
      shops: [{ domain: 'aio-kill.myshopify.com', currency: 'GBP', orders: 300 }],
      rateLimits: 'off',
      faults: { slow: { delayMs: 100, times: 'always', api: 'graphql' } },
    });
    const dataDir = join(dataRoot, 'pglite');
    const env = { DATA_DIR: dataDir, SHOPIFY_BULK_BACKFILL: 'off', ...shopifyEnv(sandbox) };
    const first = await spawnProduct(env);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    first.child.kill('SIGKILL');
    await first.exited;

    sandbox.setFaults(undefined);
    const second = await spawnProduct(env);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [shopify] = (await getJson(`${second.url}/api/integrations`)).body as { lastRun: { status: string } | null }[];
      if (shopify.lastRun?.status === 'succeeded') break;
      if (Date.now() > deadline) throw new Error(`no successful run:\n${second.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await terminate(second)).code).toBe(0);
    const { runs, orders } = await storedIn(dataDir);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'abandoned']);
    expect(orders).toBe(300);
    expect(second.output()).toContain('marked abandoned');
  });

  it('`sync` takes its names from the registry: --help lists them, an unknown name exits 2 listing them', async () => {
    const help = await runToExit(['sync', '--help']);
    expect(help.code).toBe(0);
    expect(help.output).toContain('integrations: shopify, amazon, unleashed, xero, forecast');
    const unknown = await runToExit(['sync', 'nonexistent'], { DATA_DIR: join(dataRoot, 'pglite') });
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('unknown integration: nonexistent');
    expect(unknown.output).toContain('integrations: shopify, amazon, unleashed, xero, forecast');
  });
});
