import { SyncFailure } from '@ops/sync-core';

/**
 * The balance sheet does not add up the way the parser reads it (a current section's lines sum to
 * something other than Xero's own total row, or a line in it could not be classified): no figure
 * is published from it. Not retryable: the same report gives the same answer.
 */
export class ReportUnreconciledError extends SyncFailure {
  override readonly name = 'ReportUnreconciledError';
  readonly retryable = false;
  readonly code = 'report_unreconciled';
}
