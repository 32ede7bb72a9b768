import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks Unleashed's request signature: base64 HMAC-SHA256 of the raw query string (after `?`,
 * before any `#`) with the API key. Like the real API, the decoded form of the query is accepted
 * too (some clients sign decoded values).
 */
export function signatureMatches(rawQuery: string, signature: string | undefined, apiKey: string): boolean {
  if (!signature) return false;
  let decoded = rawQuery;
  try {
    decoded = decodeURIComponent(rawQuery.replace(/\+/g, ' '));
  } catch {
    // a malformed escape: only the raw form can match
  }
  return [rawQuery, decoded].some((query) => {
    const expected = Buffer.from(createHmac('sha256', apiKey).update(query).digest('base64'));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
