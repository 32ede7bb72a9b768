import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { accountColumns, timestamptz } from './columns';

/** Plain credential state (tokens, expiry); the integration owns the shape and validates it on read. */
export type CredentialState = Record<string, unknown>;

/** How `credential_state` is stored (written by `CredentialSealer`): AES-256-GCM, base64 fields. */
export interface SealedCredentialState {
  /** Format version (1: AES-256-GCM, 12-byte IV, 16-byte tag, AAD = JSON [1, integration, accountId]). */
  v: 1;
  /** Id of the key it was sealed under (`credentialKeyId`). */
  kid: string;
  iv: string;
  tag: string;
  data: string;
}

/** One configured account (Shopify store, Amazon seller, Xero tenant, Unleashed org). */
export const integrationAccounts = pgTable(
  'integration_accounts',
  {
    ...accountColumns(),
    label: text('label'),
    /**
     * Rotated OAuth tokens and their expiry, sealed with AES-256-GCM under a versioned key and
     * bound to this row's integration and account id: `{"v":1,"kid","iv","tag","data"}`. Written
     * and read only through `saveCredentialState` / `getCredentialState` with a `CredentialSealer`.
     */
    credentialState: jsonb('credential_state').$type<SealedCredentialState>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'integration_accounts_pk', columns: [t.integration, t.accountId] })],
);

/** Incremental sync position per account, e.g. an `updated_at_min` or a page token. */
export const syncCursors = pgTable(
  'sync_cursors',
  {
    ...accountColumns(),
    cursor: text('cursor').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'sync_cursors_pk', columns: [t.integration, t.accountId] })],
);

/**
 * `interrupted`: stopped at a page boundary by a shutdown; `abandoned`: left `running` by a process
 * that died (found on the next start, when no one holds the integration's lock).
 */
export const SYNC_RUN_STATUSES = ['running', 'succeeded', 'failed', 'partial', 'interrupted', 'abandoned'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

/** Counters a run reports (`orders`, `products`, `inserted`, ...). */
export type SyncRunCounters = Record<string, number>;
/** A serialised, redacted error (`{ code, message }`). */
export type SyncRunError = Record<string, unknown>;

/** One execution of a sync for an integration. */
export const syncRuns = pgTable(
  'sync_runs',
  {
    id: text('id').primaryKey(),
    integration: text('integration').notNull(),
    status: text('status').$type<SyncRunStatus>().notNull().default('running'),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
    counters: jsonb('counters').$type<SyncRunCounters>().notNull().default({}),
    error: jsonb('error').$type<SyncRunError>(),
  },
  (t) => [
    index('sync_runs_integration_started_idx').on(t.integration, t.startedAt),
    check('sync_runs_status_check', sql`${t.status} in ('running', 'succeeded', 'failed', 'partial', 'interrupted', 'abandoned')`),
  ],
);
