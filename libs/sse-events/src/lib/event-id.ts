import { randomBytes } from 'node:crypto';

const processTag = randomBytes(4).toString('hex');
let lastMillis = 0;
let sequence = 0;

/**
 * A unique event id that sorts in creation order within one process:
 * `<ms since epoch, 12 hex>-<sequence, 6 hex>-<process tag, 8 hex>`.
 * Ids from different processes are unique but interleave only by millisecond.
 */
export function createEventId(now: number = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now;
    sequence = 0;
  } else {
    sequence += 1;
  }
  return `${lastMillis.toString(16).padStart(12, '0')}-${sequence.toString(16).padStart(6, '0')}-${processTag}`;
}
