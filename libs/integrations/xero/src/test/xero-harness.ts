import { randomBytes } from 'node:crypto';

import { startXeroSandbox, type XeroSandbox, type XeroSandboxOptions } from '@ops/api-sandbox';
import { type Envelope, type EventPayload, type EventType, MemoryPublisher } from '@ops/sse-events';
import { CredentialSealer, type Database } from '@ops/store';
import { OutboxRelay, type RunResult, SyncRunner } from '@ops/sync-core';

import { readXeroConfig } from '../config/xero.config';
import { XeroSync } from '../xero.sync';
import { createXeroSyncParts } from '../xero-parts';

export const AS_OF = '2026-11-30';

export interface XeroHarness {
  sandbox: XeroSandbox;
  events: Envelope[];
  progress: string[];
  logs: string[];
  sealer: CredentialSealer;
  run(): Promise<RunResult>;
  close(): Promise<void>;
}

export interface XeroHarnessOptions {
  /** Share a running sandbox (its books and grants) between harnesses. */
  sandbox?: XeroSandbox;
  sandboxOptions?: XeroSandboxOptions;
  env?: Record<string, string>;
  sealer?: CredentialSealer;
}

/** A Xero sync over `database` against the sandbox, every event, progress and log line captured. */
export async function startXeroHarness(database: Database, options: XeroHarnessOptions = {}): Promise<XeroHarness> {
  const own = !options.sandbox;
  const sandbox = options.sandbox ?? (await startXeroSandbox(options.sandboxOptions));
  const env = {
    XERO_CLIENT_ID: sandbox.clientId,
    XERO_CLIENT_SECRET: sandbox.clientSecret,
    XERO_REFRESH_TOKEN: sandbox.refreshToken,
    XERO_ENDPOINT: sandbox.url,
    ...options.env,
  };
  const config = readXeroConfig(env);
  if (!config) throw new Error('harness config missing');
  const sealer = options.sealer ?? new CredentialSealer(randomBytes(32));
  const logs: string[] = [];
  const parts = createXeroSyncParts(config, database, sealer, { log: (line) => logs.push(line) });
  const publisher = new MemoryPublisher();
  const events: Envelope[] = [];
  publisher.subscribe((envelope) => events.push(envelope));
  const runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  const progress: string[] = [];
  return {
    sandbox,
    events,
    progress,
    logs,
    sealer,
    run: () => runner.run(new XeroSync(config, { ...parts, today: () => AS_OF }), { progress: (line) => progress.push(line) }),
    close: async () => {
      if (own) await sandbox.close();
    },
  };
}

/** Events of one type, payloads only. */
export function payloadsOf<T extends EventType>(events: Envelope[], type: T): EventPayload<T>[] {
  return events.filter((e) => e.type === type).map((e) => e.payload as EventPayload<T>);
}
