import { startShopifySandbox, type ShopifySandbox } from '@ops/api-sandbox';

import { type RunningProcess, SHOPIFY_WORKER_MAIN, startProcess } from './processes';

/** One sandbox shop; `orders` orders; GraphQL answers slowed by `slowMs` when given. */
export function startShop(orders: number, slowMs?: number): Promise<ShopifySandbox> {
  return startShopifySandbox({
    shops: [{ domain: 'fault-uk.myshopify.com', currency: 'GBP', orders, products: 10 }],
    rateLimits: 'off',
    ...(slowMs ? { faults: { slow: { delayMs: slowMs, api: 'graphql' as const } } } : {}),
  });
}

/** The environment of a Shopify worker replica on `databaseUrl`, publishing to Redis. */
export function workerEnv(sandbox: ShopifySandbox, databaseUrl: string, redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const shop = sandbox.shops[0];
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_STREAM_KEY: 'workers:events',
    CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
    SHOPIFY_STORES: 'uk',
    SHOPIFY_UK_DOMAIN: shop.domain,
    SHOPIFY_UK_ENDPOINT: sandbox.shopUrl(shop.domain),
    SHOPIFY_UK_ACCESS_TOKEN: sandbox.credentials(shop.domain).accessToken,
    SHOPIFY_BULK_BACKFILL: 'off',
    SHUTDOWN_GRACE_MS: '5000',
    ...extra,
  };
}

/** A long-running worker replica (its cron schedule). */
export function startWorkerReplica(env: Record<string, string>): RunningProcess {
  return startProcess(SHOPIFY_WORKER_MAIN, env);
}

/** `main.js --once`: one sync, to its end. */
export async function runWorkerOnce(env: Record<string, string>): Promise<{ code: number | string | null; output: string }> {
  const running = startProcess(SHOPIFY_WORKER_MAIN, env, ['--once']);
  return { code: await running.exited, output: running.output() };
}
