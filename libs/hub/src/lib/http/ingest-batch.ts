import { type Envelope, parseEnvelope } from '@ops/sse-events';

import { badRequest, forbidden } from './hub-http.exception';

/** Most envelopes accepted in one ingest request. */
export const MAX_BATCH = 1_000;

/**
 * Validates an ingest body (one envelope or an array) against the contract, all or nothing.
 * `admin:broadcast` is refused here: only the admin endpoint may reach every connection.
 * @throws 400 naming the first bad field (`[3].payload.revenue: ...` for arrays), 403 for broadcasts.
 */
export function parseIngestBatch(body: unknown): Envelope[] {
  const isArray = Array.isArray(body);
  const items: unknown[] = isArray ? body : [body];
  if (items.length === 0)
    throw badRequest(
      'no events: expected an envelope or a non-empty array of envelopes',
    );
  if (items.length > MAX_BATCH)
    throw badRequest(`at most ${MAX_BATCH} envelopes per request`);
  return items.map((item, index) => {
    const where = isArray ? `[${index}].` : '';
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw badRequest(
        `${isArray ? `[${index}]` : 'body'}: expected an envelope object`,
      );
    }
    const result = parseEnvelope(item);
    if (!result.ok) throw badRequest(`${where}${result.error}`);
    if (result.value.type === 'admin:broadcast') {
      throw forbidden(
        `${where}type: admin:broadcast may only be sent through POST /sse/admin/broadcast`,
      );
    }
    return result.value;
  });
}
