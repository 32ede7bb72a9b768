import { MalformedResponseError } from '@ops/sync-core';

/**
 * A JSON number from Unleashed as an exact decimal string. `JSON.parse` keeps the shortest
 * representation that round-trips, so the digits Unleashed wrote come back (`1755.0` -> `"1755"`,
 * `7.3125` -> `"7.3125"`); exponent forms are written out in full.
 * @throws MalformedResponseError for a non-finite value or one too large to write exactly.
 */
export function jsonDecimal(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) throw new MalformedResponseError(`not a usable quantity: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text === '-0' ? '0' : text;
  const fixed = value.toFixed(20).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}
