import { randomBytes } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  type AmazonSandbox,
  type ShopifySandbox,
  startAmazonSandbox,
  startShopifySandbox,
  startUnleashedSandbox,
  startXeroSandbox,
  type UnleashedSandbox,
  type XeroSandbox,
} from '@ops/api-sandbox';
import { amazonWorker } from '@ops/integrations/amazon';
import { shopifyWorker } from '@ops/integrations/shopify';
import { unleashedWorker } from '@ops/integrations/unleashed';
import { xeroWorker } from '@ops/integrations/xero';
import { type Envelope, MemoryPublisher } from '@ops/sse-events';
import { CredentialSealer, type Database } from '@ops/store';
import { type Environment, OutboxRelay, type RunResult, SyncRunner, type WorkerDefinition } from '@ops/sync-core';

import { ReadApiModule } from '../lib/read-api.module';
import { ReadModel } from '../lib/read-model';
import { readSourcesOf } from '../lib/sources/read-sources';

export const MARKETPLACE = 'A1F83G8C2ARO7P';

export interface Sandboxes {
  shopify: ShopifySandbox;
  amazon: AmazonSandbox;
  xero: XeroSandbox;
  unleashed: UnleashedSandbox;
  close(): Promise<void>;
}

/** Small sandboxes of every system; Shopify's orders end now, so the sales periods hold orders. */
export async function startSandboxes(): Promise<Sandboxes> {
  const shopify = await startShopifySandbox({
    shops: [
      { domain: 'read-uk.myshopify.com', currency: 'GBP', orders: 80, fees: 'partial' },
      { domain: 'read-jp.myshopify.com', currency: 'JPY', orders: 40 },
    ],
    rateLimits: 'off',
    bulkDelayMs: 10,
    referenceDate: new Date().toISOString(),
    spanDays: 60,
  });
  const amazon = await startAmazonSandbox({ marketplaces: [{ id: MARKETPLACE, currency: 'GBP', skus: 20, orders: 60, shipments: 5 }], rateLimits: 'off' });
  const xero = await startXeroSandbox();
  const unleashed = await startUnleashedSandbox({ seed: 11, products: 30, assemblies: 25 });
  return {
    shopify,
    amazon,
    xero,
    unleashed,
    close: async () => {
      await Promise.all([shopify.close(), amazon.close(), xero.close(), unleashed.close()]);
    },
  };
}

/** The environment that points every worker at the sandboxes, as `npm run sandbox`'s manifest does. */
export function sandboxEnv(s: Sandboxes): Environment {
  const env: Environment = {
    SHOPIFY_STORES: s.shopify.shops.map((_, i) => `S${i}`).join(','),
    AMAZON_ENDPOINT: s.amazon.url,
    AMAZON_REGION: s.amazon.region,
    AMAZON_MARKETPLACES: MARKETPLACE,
    AMAZON_CLIENT_ID: s.amazon.credentials.clientId,
    AMAZON_CLIENT_SECRET: s.amazon.credentials.clientSecret,
    AMAZON_REFRESH_TOKEN: s.amazon.credentials.refreshToken,
    XERO_CLIENT_ID: s.xero.clientId,
    XERO_CLIENT_SECRET: s.xero.clientSecret,
    XERO_REFRESH_TOKEN: s.xero.refreshToken,
    XERO_ENDPOINT: s.xero.url,
    UNLEASHED_API_ID: s.unleashed.apiId,
    UNLEASHED_API_KEY: s.unleashed.apiKey,
    UNLEASHED_CLIENT_TYPE: 'ops/read-api-tests',
    UNLEASHED_ENDPOINT: s.unleashed.url,
  };
  s.shopify.shops.forEach((shop, i) => {
    env[`SHOPIFY_S${i}_DOMAIN`] = shop.domain;
    env[`SHOPIFY_S${i}_ENDPOINT`] = s.shopify.shopUrl(shop.domain);
    env[`SHOPIFY_S${i}_ACCESS_TOKEN`] = shop.accessToken;
  });
  return env;
}

/** Runs each worker once, as the platform does (its definition's config reader and job), capturing every published event. */
export async function syncAll(database: Database, env: Environment): Promise<{ events: Envelope[]; results: RunResult[] }> {
  const publisher = new MemoryPublisher();
  const events: Envelope[] = [];
  publisher.subscribe((envelope) => events.push(envelope));
  const runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  const sealer = new CredentialSealer(randomBytes(32));
  const shutdownSignal = new AbortController().signal;
  const results: RunResult[] = [];
  const workers: WorkerDefinition<never>[] = [shopifyWorker, amazonWorker, xeroWorker, unleashedWorker] as WorkerDefinition<never>[];
  for (const worker of workers) {
    const answer = worker.readConfig(env);
    if (!answer.configured) throw new Error(`${worker.integration} is not configured: ${answer.reason}`);
    results.push(await runner.run(worker.createJob(answer.config, { database, sealer, shutdownSignal })));
  }
  return { events, results };
}

/** The read API over `database` with the accounts `env` configures, listening on a free port. */
export async function startReadApi(database: Database, env: Environment): Promise<{ url: string; app: INestApplication }> {
  const moduleRef = await Test.createTestingModule({ imports: [ReadApiModule] })
    .overrideProvider(ReadModel)
    .useValue(new ReadModel(database, () => readSourcesOf(env)))
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, app };
}

export async function getJson<T>(url: string): Promise<{ status: number; cacheControl: string | null; body: T }> {
  const response = await fetch(url);
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body: (await response.json()) as T };
}
