import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createEnvelope, type Envelope } from '@ops/sse-events';
import { RedisPublisher } from '@ops/sse-events/redis';
import { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';

import { describeWith, freePort, launchBrowser, REDIS_URL, waitForConnectionState, waitForLoggedEvent } from './support/browser';
import { killLeftovers, type RunningProduct, spawnProduct } from './support/spawn-product';

/** An event as a worker process would publish it onto the shared stream. */
const broadcast = (message: string): Envelope =>
  createEnvelope('admin:broadcast', { system: 'hub', account: 'hub', environment: 'production' }, { message, level: 'info' });

/** Paths of the page's read requests (`/api/*`), query strings dropped. */
const apiPath = (url: string): string | undefined => {
  const { pathname } = new URL(url);
  return pathname.startsWith('/api/') ? pathname : undefined;
};

describeWith(['chromium', 'redis'], 'the dashboard page across restarts of the all-in-one process', () => {
  const streamKey = `ops:test:dashboard-reconnect:${process.pid}:${Date.now()}`;
  let dataRoot: string;
  let port: number;
  let product: RunningProduct;
  let publisher: RedisPublisher;
  let browser: Browser;
  let page: Page;
  let apiRequests: string[] = [];

  /** The product on the same port and data directory each time; with Redis (the shared stream) or memory history only. */
  const start = (withRedis: boolean) =>
    spawnProduct({
      HUB_PORT: String(port),
      DATA_DIR: join(dataRoot, 'pglite'),
      ...(withRedis ? { REDIS_URL, REDIS_STREAM_KEY: streamKey } : {}),
    });

  const stop = async (signal: NodeJS.Signals) => {
    product.child.kill(signal);
    await product.exited;
  };

  beforeAll(async () => {
    dataRoot = mkdtempSync(join(tmpdir(), 'dashboard-reconnect-'));
    port = await freePort();
    publisher = new RedisPublisher({ url: REDIS_URL, streamKey });
    product = await start(true);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('request', (request) => {
      const path = apiPath(request.url());
      if (path) apiRequests.push(path);
    });
    await page.goto(product.url);
    await waitForConnectionState(page, 'open');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await publisher?.close();
    killLeftovers();
    const redis = new Redis(REDIS_URL);
    await redis.del(streamKey, ...(await redis.keys(`${streamKey}:*`)));
    redis.disconnect();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('shows every event published while the process was down (replay), in the same document, and reconnects', async () => {
    const seen = broadcast('published before the restart');
    await publisher.append([seen]);
    await waitForLoggedEvent(page, seen.id);
    await page.evaluate(() => Object.assign(globalThis, { __marker: 'same document' }));

    await stop('SIGKILL');
    await waitForConnectionState(page, 'reconnecting');
    const missed = [broadcast('published while the hub was down (1)'), broadcast('published while the hub was down (2)')];
    await publisher.append(missed);

    product = await start(true);
    expect(product.url).toBe(`http://127.0.0.1:${port}`);
    for (const event of missed) await waitForLoggedEvent(page, event.id, 30_000);
    await waitForConnectionState(page, 'open');
    expect(await page.evaluate(() => (globalThis as { __marker?: string }).__marker)).toBe('same document');
    expect(await page.locator('[data-testid="event-log"] li[data-event-type="replay_gap"]').count()).toBe(0);
  }, 90_000);

  it('after a restart without the shared stream, shows a replay gap and refetches every read resource', async () => {
    const loaded = new Set(apiRequests);
    expect(loaded.size).toBeGreaterThanOrEqual(5);
    await stop('SIGTERM');
    await waitForConnectionState(page, 'reconnecting');
    apiRequests = [];

    // Memory history only: the page's Last-Event-ID is unknown to the new process.
    product = await start(false);
    await page.locator('[data-testid="event-log"] li[data-event-type="replay_gap"]').first().waitFor({ state: 'attached', timeout: 30_000 });
    await waitForConnectionState(page, 'open');
    const deadline = Date.now() + 15_000;
    while ([...loaded].some((path) => !apiRequests.includes(path)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...loaded].filter((path) => !apiRequests.includes(path))).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { __marker?: string }).__marker)).toBe('same document');
  }, 90_000);
});
