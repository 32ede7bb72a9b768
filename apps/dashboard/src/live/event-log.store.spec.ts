import type { ReplayGap } from '@ops/sse-client';
import type { Envelope } from '@ops/sse-events';

import { createEventLogStore } from './event-log.store';

/** The two client hooks the store uses, driven by hand. */
function clientDouble() {
  const events: ((envelope: Envelope) => void)[] = [];
  const gaps: ((gap: ReplayGap) => void)[] = [];
  return {
    client: { onAny: (listener: (envelope: Envelope) => void) => (events.push(listener), () => undefined), onGap: (listener: (gap: ReplayGap) => void) => (gaps.push(listener), () => undefined) },
    deliver: (envelope: Envelope) => events.forEach((listener) => listener(envelope)),
    gap: () => gaps.forEach((listener) => listener({ reason: 'replay_gap', lastEventId: 'e1', oldestAvailableId: 'e9' })),
  };
}

const envelope = (id: string) =>
  ({ id, type: 'unleashed:sync_started', channels: ['production'], source: { system: 'unleashed', account: 'main', environment: 'sandbox' }, occurredAt: '2026-12-02T04:30:00.000Z', payload: {} }) as unknown as Envelope;

describe('createEventLogStore', () => {
  it('records events and gaps from the moment it is created, and tells subscribers', () => {
    const double = clientDouble();
    const store = createEventLogStore(double.client, () => new Date('2026-12-02T04:31:00.000Z'));
    double.deliver(envelope('e1'));
    let notified = 0;
    store.subscribe(() => notified++);
    double.gap();
    double.deliver(envelope('e2'));
    expect(store.getSnapshot().map((entry) => entry.type)).toEqual(['unleashed:sync_started', 'replay_gap', 'unleashed:sync_started']);
    expect(notified).toBe(2);
  });

  it('keeps the same snapshot until something changes (useSyncExternalStore needs that)', () => {
    const double = clientDouble();
    const store = createEventLogStore(double.client);
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });
});
