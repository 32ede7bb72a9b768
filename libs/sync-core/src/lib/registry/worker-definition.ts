import type { CredentialSealer, Database } from '@ops/store';

import type { Integration, SyncJob } from '../runner/sync-job';

/** One configured account: a Shopify store, a Xero tenant, an Amazon seller, an Unleashed org. */
export interface AccountRef {
  id: string;
  label?: string;
}

/** What an integration's config reader answers. */
export type ConfigAnswer<C> =
  | {
      configured: true;
      config: C;
      accounts: AccountRef[];
      /** Cron expression (UTC) of its schedule. */
      cron: string;
    }
  | {
      configured: false;
      /** Why, naming what to set: `SHOPIFY_STORES is not set`. */
      reason: string;
    };

/** What a job is built from, besides the integration's own config. */
export interface JobDependencies {
  database: Database;
  /** Seals the accounts' stored credential state (OAuth tokens) at rest. */
  sealer: CredentialSealer;
  /** Aborted at shutdown: pass it to clients so their waits, retries and requests stop. */
  shutdownSignal: AbortSignal;
}

export type Environment = Record<string, string | undefined>;

/**
 * Everything the platform needs to know about one integration. Each integration lib exports one;
 * the registry lists them; the Nest runtime (`SyncWorkerModule`) schedules, runs and reports them.
 */
export interface WorkerDefinition<C = unknown> {
  readonly integration: Integration;
  /** A display name: `Shopify`. */
  readonly title: string;
  /**
   * Reads the integration's variables. Answers `configured: false` with a reason when they are
   * absent, never throws for that.
   * @throws ConfigError when they are present but wrong (naming each variable, never a secret).
   */
  readConfig(env: Environment): ConfigAnswer<C>;
  /** The job the runner executes on each run. */
  createJob(config: C, dependencies: JobDependencies): SyncJob;
  /**
   * Optional: connects an account the way a user does (e.g. an OAuth consent in the browser) and
   * stores its credentials sealed; `npm run connect -- <integration>`. Resolves once stored.
   */
  connect?(config: C, dependencies: JobDependencies, io: ConnectIo): Promise<void>;
}

/** What a connect flow talks to: the terminal, and the signal that cancels it (Ctrl-C). */
export interface ConnectIo {
  print(line: string): void;
  signal: AbortSignal;
}

/** Identity, for type inference at the definition site. */
export function defineWorker<C>(definition: WorkerDefinition<C>): WorkerDefinition<C> {
  return definition;
}

/** Finds a definition by integration name; `undefined` for an unknown name. */
export function findWorker(workers: readonly WorkerDefinition[], name: string): WorkerDefinition | undefined {
  return workers.find((worker) => worker.integration === name);
}
