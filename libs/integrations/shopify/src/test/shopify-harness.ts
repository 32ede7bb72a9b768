import { randomBytes } from 'node:crypto';

import { type FaultPlan, type RateLimitSpec, type ShopifySandbox, type ShopSpec, startShopifySandbox } from '@ops/api-sandbox';
import { type Envelope, type EventPayload, type EventType, MemoryPublisher } from '@ops/sse-events';
import { CredentialSealer, type Database } from '@ops/store';
import { OutboxRelay, type RunResult, SyncRunner } from '@ops/sync-core';

import { readShopifyConfig } from '../config/shopify.config';
import { createShopifyClients } from '../shopify-clients';
import { ShopifySync } from '../shopify.sync';

export interface HarnessOptions {
  rateLimits?: RateLimitSpec;
  faults?: FaultPlan;
  /** Store keys (in order of `shops`) that authenticate with client credentials instead of a token. */
  clientCredentials?: number[];
  env?: Record<string, string>;
  maxAttempts?: number;
  /** Seals stored client-credentials tokens. Default: a random key per harness (pass one to share tokens between harnesses). */
  sealer?: CredentialSealer;
}

/** The sandbox's orders end here; syncs measure their sales periods from `SYNC_TIME`, hours before. */
export const REFERENCE_DATE = '2026-11-01T00:00:00Z';
export const SYNC_TIME = new Date('2026-10-31T18:30:00Z');

export interface Harness {
  sandbox: ShopifySandbox;
  events: Envelope[];
  progress: string[];
  /** Everything secret the run could leak: tokens, client secrets. */
  secrets: string[];
  run(full?: boolean): Promise<RunResult>;
  close(): Promise<void>;
}

/** A sandbox with `shops`, a Shopify sync over `database`, and every event and progress line captured. */
export async function startHarness(database: Database, shops: ShopSpec[], options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = await startShopifySandbox({
    shops,
    rateLimits: options.rateLimits ?? 'off',
    faults: options.faults,
    bulkDelayMs: 20,
    referenceDate: REFERENCE_DATE,
  });
  const env: Record<string, string> = { SHOPIFY_STORES: shops.map((_, i) => `S${i}`).join(','), ...options.env };
  shops.forEach((shop, i) => {
    const credentials = sandbox.credentials(shop.domain);
    env[`SHOPIFY_S${i}_DOMAIN`] = shop.domain;
    env[`SHOPIFY_S${i}_ENDPOINT`] = sandbox.shopUrl(shop.domain);
    if (options.clientCredentials?.includes(i)) {
      env[`SHOPIFY_S${i}_CLIENT_ID`] = credentials.clientId;
      env[`SHOPIFY_S${i}_CLIENT_SECRET`] = credentials.clientSecret;
    } else {
      env[`SHOPIFY_S${i}_ACCESS_TOKEN`] = credentials.accessToken;
    }
  });
  const config = readShopifyConfig(env);
  if (!config) throw new Error('harness config missing');
  const policy = { maxAttempts: options.maxAttempts ?? 8, baseDelayMs: 20, maxDelayMs: 5_000 };
  const sealer = options.sealer ?? new CredentialSealer(randomBytes(32));
  const clients = createShopifyClients(config, database, sealer, { policy });
  const publisher = new MemoryPublisher();
  const events: Envelope[] = [];
  publisher.subscribe((envelope) => events.push(envelope));
  const runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  const progress: string[] = [];
  const secrets = sandbox.shops.flatMap((s) => [s.accessToken, s.clientSecret]);
  return {
    sandbox,
    events,
    progress,
    secrets,
    run: (full = false) =>
      runner.run(new ShopifySync(config, clients, () => SYNC_TIME), { full, progress: (line) => progress.push(line) }),
    close: () => sandbox.close(),
  };
}

/** Events of one type, payloads only. */
export function payloadsOf<T extends EventType>(events: Envelope[], type: T): EventPayload<T>[] {
  return events.filter((e) => e.type === type).map((e) => e.payload as EventPayload<T>);
}
