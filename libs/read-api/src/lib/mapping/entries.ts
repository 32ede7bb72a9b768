import type { Envelope, EventSource, System } from '@ops/sse-events';

import type { ConfiguredAccount, SourceConfig } from '../sources/read-sources';

export interface NoDataEntry {
  status: 'no_data';
  source: EventSource;
  label?: string;
  reason: string;
}

export interface OkEntryHead {
  status: 'ok';
  source: EventSource;
  label?: string;
  syncedAt: string;
}

export const sourceOf = (system: System, account: ConfiguredAccount): EventSource => ({ system, account: account.id, environment: account.environment });

export const labelOf = (account: ConfiguredAccount, stored?: string): { label?: string } => {
  const label = account.label ?? stored;
  return label ? { label } : {};
};

/** The start of an `ok` entry: where its figures come from, the account's label, and when its sync stored them. */
export function okEntry(system: System, account: ConfiguredAccount, syncedAt: string, storedLabel?: string): OkEntryHead {
  return { status: 'ok', source: sourceOf(system, account), ...labelOf(account, storedLabel), syncedAt };
}

export function noData(system: System, account: ConfiguredAccount, reason: string, storedLabel?: string): NoDataEntry {
  return { status: 'no_data', source: sourceOf(system, account), ...labelOf(account, storedLabel), reason };
}

/**
 * Why stored figures cannot stand for the account as configured now: none stored, or stored from
 * the other environment (a sandbox run's figures are never shown as production ones, nor the reverse).
 */
export function unusableReason(account: ConfiguredAccount, stored: Envelope | undefined, nothingYet: string): string | undefined {
  if (!stored) return nothingYet;
  if (stored.source.environment !== account.environment) {
    return `the stored figures are ${stored.source.environment} data, but this account is now configured for ${account.environment}; they appear after its next sync`;
  }
  return undefined;
}

/** The section of an integration: `not_configured` with its reason, or one entry per account. */
export function sectionOf<E>(config: SourceConfig, entries: (accounts: ConfiguredAccount[]) => E[], emptyReason: string) {
  if (!config.configured) return { status: 'not_configured' as const, reason: config.reason };
  const accounts = entries(config.accounts);
  return { status: 'configured' as const, accounts, ...(accounts.length === 0 ? { reason: emptyReason } : {}) };
}

/** The latest event of each account, keyed by account id. */
export function byAccount<T extends Envelope>(events: readonly T[]): Map<string, T> {
  return new Map(events.map((e) => [e.source.account, e]));
}

/** The fields of a payload that are absent, for a `no_data` reason; empty when all are there. */
export function missingFields<P extends object>(payload: P, fields: readonly (keyof P)[]): string[] {
  return fields.filter((f) => payload[f] === undefined).map(String);
}

export const olderVersionReason = (missing: string[]) =>
  `the stored figures lack ${missing.join(', ')} (written by an older version); they appear after the next sync`;
