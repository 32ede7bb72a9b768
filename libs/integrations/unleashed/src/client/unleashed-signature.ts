import { createHmac } from 'node:crypto';

/**
 * Unleashed's `api-auth-signature`: base64 HMAC-SHA256 of the query string exactly as sent,
 * without the `?` and without the path, keyed with the API key. A request with no query signs
 * the empty string.
 */
export function signQuery(query: string, apiKey: string): string {
  return createHmac('sha256', apiKey).update(query).digest('base64');
}
