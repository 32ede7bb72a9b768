import { createEnvelope, type Envelope } from '@ops/sse-events';
import { SignJWT } from 'jose';

import { JWT_SECRET } from './processes';
import type { SseEvent } from './sse-subscriber';

/** Event `n` of a numbered sequence: an `inventory:update` whose quantity is `n`, id `<run>-<n>`. */
export function numbered(run: string, n: number): Envelope {
  return createEnvelope(
    'inventory:update',
    { system: 'unleashed', account: 'fault-suite', environment: 'sandbox' },
    { sku: 'SEQ', quantity: n, previousQuantity: n - 1, location: 'main', source: 'unleashed' },
    { id: `${run}-${String(n).padStart(6, '0')}` },
  );
}

/** What one subscriber ended with, against the sequence 1..sent. */
export interface SequenceAudit {
  sent: number;
  received: number;
  distinct: number;
  duplicates: number;
  gaps: number;
  inOrder: boolean;
}

/** Audits the `inventory:update` events a subscriber received against 1..sent, by quantity. */
export function auditSequence(events: readonly SseEvent[], sent: number): SequenceAudit {
  const numbers = events
    .filter((event) => event.type === 'inventory:update')
    .map((event) => (JSON.parse(event.data) as { payload: { quantity: number } }).payload.quantity);
  const distinct = new Set(numbers);
  let missing = 0;
  for (let n = 1; n <= sent; n++) if (!distinct.has(n)) missing++;
  return {
    sent,
    received: numbers.length,
    distinct: distinct.size,
    duplicates: numbers.length - distinct.size,
    gaps: missing,
    inOrder: numbers.every((n, i) => i === 0 || n > numbers[i - 1]),
  };
}

/** A subscriber JWT for `channels`, valid for `seconds`. */
export function subscriberToken(channels: string[], seconds = 600): Promise<string> {
  return new SignJWT({ channels })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(new TextEncoder().encode(JWT_SECRET));
}

/** POSTs envelopes to a hub's ingest; resolves with the status (0 when the hub is unreachable). */
export async function postEvents(hubUrl: string, token: string, envelopes: readonly Envelope[]): Promise<number> {
  try {
    const response = await fetch(`${hubUrl}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(envelopes),
      signal: AbortSignal.timeout(5_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Prints a scenario's figures (jest shows console output next to the test). */
export function printFigures(scenario: string, figures: Record<string, unknown>): void {
  console.log(`[fault-suite] ${scenario}\n${JSON.stringify(figures, null, 2)}`);
}
