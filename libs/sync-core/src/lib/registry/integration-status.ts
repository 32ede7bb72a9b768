import type { SyncError } from '@ops/sse-events';
import type { SyncRun } from '@ops/store';

import type { AccountRef } from './worker-definition';

/** One entry of `GET /api/integrations`. */
export interface IntegrationStatus {
  integration: string;
  configured: boolean;
  /** Why it is not configured; absent when it is. */
  reason?: string;
  accounts: AccountRef[];
  lastRun: {
    status: SyncRun['status'];
    startedAt: string;
    finishedAt: string | null;
    counters: Record<string, number>;
    error?: SyncError;
  } | null;
  /** When the schedule fires next (ISO-8601); null when it is not scheduled here. */
  nextRunAt: string | null;
  /**
   * True when the last run found the connection's grant dead (`reauthorization_required`): it
   * stays failed until someone connects it again (`npm run connect -- <integration>`).
   */
  reauthorizationRequired?: boolean;
}

/** The error code of a run that needs the connection made again. */
export const REAUTHORIZATION_REQUIRED = 'reauthorization_required';

/** The `lastRun` part of a status from a stored run record. */
export function lastRunOf(run: SyncRun | null): IntegrationStatus['lastRun'] {
  if (!run) return null;
  const error = run.error as { code?: unknown; message?: unknown } | null;
  return {
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    counters: run.counters,
    ...(error && typeof error.code === 'string' && typeof error.message === 'string'
      ? { error: { code: error.code, message: error.message } }
      : {}),
  };
}
