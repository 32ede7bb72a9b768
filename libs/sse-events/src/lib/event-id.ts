/** 4 random bytes as 8 hex digits, from the Web Crypto API (global in browsers and Node 20). */
function randomTag(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const processTag = randomTag();
let lastMillis = 0;
let sequence = 0;

/**
 * A unique event id that sorts in creation order within one process:
 * `<ms since epoch, 12 hex>-<sequence, 6 hex>-<process tag, 8 hex>`.
 * Ids from different processes are unique but interleave only by millisecond.
 * A clock that steps back keeps the last millisecond and counts on, so order holds.
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
