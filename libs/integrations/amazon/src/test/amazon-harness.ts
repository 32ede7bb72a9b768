import { randomBytes } from 'node:crypto';

import { type AmazonFaultPlan, type AmazonSandbox, type MarketplaceSpec, startAmazonSandbox } from '@ops/api-sandbox';
import { type Envelope, type EventPayload, type EventType, MemoryPublisher } from '@ops/sse-events';
import { CredentialSealer, type Database } from '@ops/store';
import { OutboxRelay, type RunResult, SyncRunner } from '@ops/sync-core';

import { createAmazonClient } from '../amazon-clients';
import { AmazonSync } from '../amazon.sync';
import { type AmazonConfig, readAmazonConfig } from '../config/amazon.config';

export interface HarnessOptions {
  marketplaces?: MarketplaceSpec[];
  faults?: AmazonFaultPlan;
  rateLimits?: 'on' | 'off';
  maxAttempts?: number;
  sealer?: CredentialSealer;
  env?: Record<string, string>;
}

export const DEFAULT_MARKETPLACES: MarketplaceSpec[] = [
  { id: 'A1F83G8C2ARO7P', currency: 'GBP', skus: 160, orders: 260, shipments: 9 },
  { id: 'A1PA6795UKMFR9', currency: 'EUR', skus: 120, orders: 180, shipments: 7 },
];

export interface Harness {
  sandbox: AmazonSandbox;
  config: AmazonConfig;
  events: Envelope[];
  progress: string[];
  /** The shared clock of sandbox and worker: real time plus the jumps made with `jump`. */
  now(): number;
  jump(ms: number): void;
  run(full?: boolean): Promise<RunResult>;
  close(): Promise<void>;
}

/** A sandbox seller with `marketplaces`, an Amazon sync over `database`, every event and progress line captured. */
export async function startHarness(database: Database, options: HarnessOptions = {}): Promise<Harness> {
  let offset = 0;
  const now = () => Date.now() + offset;
  const marketplaces = options.marketplaces ?? DEFAULT_MARKETPLACES;
  const sandbox = await startAmazonSandbox({ marketplaces, now, faults: options.faults, rateLimits: options.rateLimits ?? 'on' });
  const config = readAmazonConfig({
    AMAZON_ENDPOINT: sandbox.url,
    AMAZON_REGION: sandbox.region,
    AMAZON_MARKETPLACES: marketplaces.map((m) => m.id).join(','),
    AMAZON_CLIENT_ID: sandbox.credentials.clientId,
    AMAZON_CLIENT_SECRET: sandbox.credentials.clientSecret,
    AMAZON_REFRESH_TOKEN: sandbox.credentials.refreshToken,
    ...options.env,
  });
  if (!config) throw new Error('harness config missing');
  const sealer = options.sealer ?? new CredentialSealer(randomBytes(32));
  const client = createAmazonClient(config, database, sealer, { policy: { maxAttempts: options.maxAttempts ?? 4, baseDelayMs: 20, maxDelayMs: 2_000 } });
  const job = new AmazonSync(config, client, now);
  const publisher = new MemoryPublisher();
  const events: Envelope[] = [];
  publisher.subscribe((envelope) => events.push(envelope));
  const runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  const progress: string[] = [];
  return {
    sandbox,
    config,
    events,
    progress,
    now,
    jump: (ms) => void (offset += ms),
    run: (full = false) => runner.run(job, { full, progress: (line) => progress.push(line) }),
    close: () => sandbox.close(),
  };
}

/** Events of one type, payloads only. */
export function payloadsOf<T extends EventType>(events: Envelope[], type: T): EventPayload<T>[] {
  return events.filter((e) => e.type === type).map((e) => e.payload as EventPayload<T>);
}
