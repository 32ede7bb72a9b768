import { CREDENTIAL_HEADERS, CREDENTIAL_KEYS, REDACTED } from './redact-paths';

const SECRET_NAMES: ReadonlySet<string> = new Set([...CREDENTIAL_KEYS, ...CREDENTIAL_HEADERS].map((name) => name.toLowerCase()));

/** Deeper than this is left as is (also what stops a cycle). */
const MAX_DEPTH = 10;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Replaces the value of every credential key or header name (case-insensitive) with `[REDACTED]`,
 * in plain objects and arrays down to ten levels. Copy on write: the caller's object is never
 * changed, and an object with nothing to redact comes back as the same reference. Class instances
 * (errors, requests, responses) are not entered: pino's serializers and `REDACTED_PATHS` cover
 * those.
 */
export function redactCredentials<T>(value: T, depth = 0): T {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const redacted = redactCredentials(item, depth + 1);
      if (redacted !== item) (copy ??= [...value])[index] = redacted;
    });
    return (copy ?? value) as T;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const redacted = item !== undefined && SECRET_NAMES.has(key.toLowerCase()) ? REDACTED : redactCredentials(item, depth + 1);
    if (redacted !== item) (copy ??= { ...value })[key] = redacted;
  }
  return (copy ?? value) as T;
}
