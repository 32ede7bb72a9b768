import { MalformedResponseError } from '@ops/sync-core';

const DOTNET_DATE = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/;

/**
 * Parses a .NET JSON date as Unleashed sends it: `/Date(1764547200000)/`, optionally with an
 * offset (`/Date(1764547200000+1300)/`). The milliseconds are UTC epoch time either way; the
 * offset only says which zone the value was written in, so it never shifts the instant.
 * @throws MalformedResponseError for anything else (a date is never guessed).
 */
export function parseUnleashedDate(value: string): Date {
  const match = DOTNET_DATE.exec(value);
  if (!match) throw new MalformedResponseError(`not an Unleashed date: ${JSON.stringify(value.slice(0, 40))}`);
  return new Date(Number(match[1]));
}

/** {@link parseUnleashedDate} for nullable fields: `null` and absent stay `null`. */
export function parseOptionalUnleashedDate(value: string | null | undefined): Date | null {
  return value === null || value === undefined ? null : parseUnleashedDate(value);
}

/** A filter date as Unleashed takes it (`modifiedSince=2026-11-30`): the UTC calendar date. */
export function formatFilterDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Writes an instant the way Unleashed does, without an offset (for the sandbox and fixtures). */
export function formatUnleashedDate(instant: Date): string {
  return `/Date(${instant.getTime()})/`;
}
