import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { startShopifySandbox } from '@ops/api-sandbox';
import { getCursor, openDatabase, sumOrdersByAccount } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';

import { payloadsOf, startHarness } from './test/shopify-harness';

const ROOT = join(__dirname, '../../../..');
const shop = { domain: 'killed-uk.myshopify.com', currency: 'GBP' as const, orders: 600, products: 10 };

describeWithPostgres('a sync process killed mid-sync (SIGKILL), store on Postgres', (pg) => {
  it('the next run resumes from the committed cursor, with no duplicated orders and exact totals', async () => {
    // A slow shop, so the kill lands between committed pages.
    const sandbox = await startShopifySandbox({ shops: [shop], rateLimits: 'off', faults: { slow: { delayMs: 150, api: 'graphql' } } });
    const env = {
      SHOPIFY_STORES: 'UK',
      SHOPIFY_BULK_BACKFILL: 'off',
      SHOPIFY_UK_DOMAIN: shop.domain,
      SHOPIFY_UK_ENDPOINT: sandbox.shopUrl(shop.domain),
      SHOPIFY_UK_ACCESS_TOKEN: sandbox.credentials(shop.domain).accessToken,
    };
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'test/sync-once.process.ts'), JSON.stringify({ env, databaseUrl: pg.url })],
      { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.ts-node.json') }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    for (let i = 0; i < 600 && !/\b(9\d|1\d\d) changed orders stored/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const database = await openDatabase({ databaseUrl: pg.url });
    try {
      const cursor = JSON.parse((await getCursor(database.db, 'shopify', shop.domain)) ?? '{}');
      const everyOrder = { includeTest: true, includeCancelled: true };
      const [partial] = await sumOrdersByAccount(database.db, 'shopify', everyOrder);
      expect(partial.orders).toBeGreaterThanOrEqual(90);
      expect(partial.orders).toBeLessThan(600);
      expect(cursor.ordersUpdatedAt).toEqual(expect.any(String));
      const pagesBefore = sandbox.requests.filter((r) => r.api === 'graphql').length;
      await sandbox.close();

      // The same dataset (same seed) served again; the next run resumes from the committed cursor.
      const harness = await startHarness(database, [shop], { env: { SHOPIFY_BULK_BACKFILL: 'off' } });
      const result = await harness.run();
      expect(result.status).toBe('succeeded');
      // Fewer orders fetched than the store holds: it resumed, it did not start over.
      const fetched = Number(/\((\d+) orders fetched this run/.exec(harness.progress.at(-1) ?? '')?.[1]);
      expect(fetched).toBeLessThanOrEqual(600 - partial.orders + 15);
      expect(pagesBefore).toBeGreaterThan(0);
      const [stored] = await sumOrdersByAccount(database.db, 'shopify', everyOrder);
      expect(stored.orders).toBe(600);
      const [synced] = payloadsOf(harness.events, 'shopify:store_synced');
      expect(synced.revenue).toBe(harness.sandbox.expectedTotals(shop.domain).gross);
      await harness.close();
    } finally {
      await database.close();
    }
  }, 180_000);
});
