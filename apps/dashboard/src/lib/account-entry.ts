import type { EventSource } from '@ops/sse-events';

interface AccountEntryLike {
  source: EventSource;
  label?: string;
}

/** The account's own label when the API gives one, else its id. */
export function accountTitle(entry: AccountEntryLike): string {
  return entry.label && entry.label !== entry.source.account ? `${entry.label} (${entry.source.account})` : entry.source.account;
}

export function isSandbox(entry: { source: EventSource }): boolean {
  return entry.source.environment === 'sandbox';
}
