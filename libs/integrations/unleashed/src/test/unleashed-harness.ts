import { startUnleashedSandbox, type UnleashedFault, type UnleashedSandbox } from '@ops/api-sandbox';
import { type Envelope, type EventPayload, type EventType, MemoryPublisher } from '@ops/sse-events';
import type { Database } from '@ops/store';
import { OutboxRelay, type RunResult, SyncRunner } from '@ops/sync-core';

import { UnleashedClient } from '../client/unleashed.client';
import { readUnleashedConfig } from '../config/unleashed.config';
import { UnleashedSync } from '../unleashed.sync';

/** The sandbox's records were last modified in the 30 days before this; the first sync runs at it. */
export const REFERENCE_DATE = '2026-12-01T06:00:00Z';

export interface HarnessOptions {
  seed?: number;
  faults?: UnleashedFault[];
  /** Replaces the sandbox's key in the worker's config (a wrong key). */
  apiKey?: string;
  pageSize?: number;
}

export interface Harness {
  sandbox: UnleashedSandbox;
  events: Envelope[];
  progress: string[];
  /** The sync's clock; tests move it between runs. */
  clock: { now: Date };
  run(full?: boolean): Promise<RunResult>;
  close(): Promise<void>;
}

/** A seeded sandbox and an Unleashed sync over `database`, every event and progress line captured. */
export async function startHarness(database: Database, options: HarnessOptions = {}): Promise<Harness> {
  const clock = { now: new Date(REFERENCE_DATE) };
  const sandbox = await startUnleashedSandbox({
    seed: options.seed ?? 11,
    products: 40,
    assemblies: 30,
    referenceDate: REFERENCE_DATE,
    faults: options.faults,
    now: () => clock.now.getTime(),
  });
  const config = readUnleashedConfig({
    UNLEASHED_API_ID: sandbox.apiId,
    UNLEASHED_API_KEY: options.apiKey ?? sandbox.apiKey,
    UNLEASHED_CLIENT_TYPE: 'ops/dashboard-tests',
    UNLEASHED_ENDPOINT: sandbox.url,
    UNLEASHED_PAGE_SIZE: String(options.pageSize ?? 15),
  });
  if (!config) throw new Error('harness config missing');
  const retry = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 1_000 };
  const publisher = new MemoryPublisher();
  const events: Envelope[] = [];
  publisher.subscribe((envelope) => events.push(envelope));
  const runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  const progress: string[] = [];
  const sync = new UnleashedSync(config, () => new UnleashedClient({ ...config, retry }), () => clock.now);
  return {
    sandbox,
    events,
    progress,
    clock,
    run: (full = false) => runner.run(sync, { full, progress: (line) => progress.push(line) }),
    close: () => sandbox.close(),
  };
}

/** Events of one type, payloads only. */
export function payloadsOf<T extends EventType>(events: Envelope[], type: T): EventPayload<T>[] {
  return events.filter((e) => e.type === type).map((e) => e.payload as EventPayload<T>);
}

/** A decimal string without trailing fraction zeros, to compare figures whatever their scale. */
export function canonical(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
