import type { EventSourceMessage } from 'eventsource-parser';

import { forecastProgress, inventoryUpdate } from '../../test/envelopes';
import { classifyFrame } from './frame';

const envelope = inventoryUpdate('SKU-1', 4, 2);
const message = (event: string | undefined, data: unknown, id?: string): EventSourceMessage => ({
  event,
  id,
  data: typeof data === 'string' ? data : JSON.stringify(data),
});

describe('classifyFrame', () => {
  it('passes a contract envelope whose event: and id: fields match it', () => {
    expect(classifyFrame(message(envelope.type, envelope, envelope.id))).toEqual({ kind: 'event', envelope });
    const job = forecastProgress('job-7', 0.5);
    expect(classifyFrame(message(job.type, job, job.id))).toEqual({ kind: 'event', envelope: job });
  });

  it('reads the hub’s own frames', () => {
    expect(classifyFrame(message('connected', { clientId: 'c-1', channels: ['sales', 'job:j-1'] }))).toEqual({
      kind: 'connected',
      clientId: 'c-1',
      channels: ['sales', 'job:j-1'],
    });
    expect(classifyFrame(message('replay_gap', { lastEventId: 'evt-1', oldestAvailableId: 'evt-9' }))).toEqual({
      kind: 'gap',
      gap: { reason: 'replay_gap', lastEventId: 'evt-1', oldestAvailableId: 'evt-9' },
    });
    expect(classifyFrame(message('replay_gap', { lastEventId: 'evt-1', oldestAvailableId: null }))).toEqual({
      kind: 'gap',
      gap: { reason: 'replay_gap', lastEventId: 'evt-1', oldestAvailableId: null },
    });
    expect(classifyFrame(message('auth_expired', { expiredAt: '2026-01-01T00:00:00.000Z' }))).toEqual({ kind: 'auth_expired' });
  });

  it.each([
    ['data that is not JSON', message(envelope.type, '{"id":', envelope.id), 'data is not JSON'],
    ['data that is not an object', message(envelope.type, [envelope], envelope.id), 'data is not a JSON object'],
    ['a frame without event:', message(undefined, envelope, envelope.id), 'frame has no event: field'],
    [
      'a payload the schema refuses',
      message(envelope.type, { ...envelope, payload: { ...envelope.payload, quantity: '4' } }, envelope.id),
      'payload.quantity: Invalid input: expected number, received string',
    ],
    ['an unknown field', message(envelope.type, { ...envelope, extra: 1 }, envelope.id), 'Unrecognized key: "extra"'],
    ['an unknown type', message('sales:made_up', { ...envelope, type: 'sales:made_up' }, envelope.id), 'type: unknown event type "sales:made_up"'],
    [
      'channels the routing table does not give',
      message(envelope.type, { ...envelope, channels: ['sales'] }, envelope.id),
      'channels: must be [inventory] for inventory:update (the routing table decides)',
    ],
    [
      'an event: field that differs from the type',
      message('shopify:sync_started', envelope, envelope.id),
      'event: field "shopify:sync_started" does not match envelope type "inventory:update"',
    ],
    ['an id: field that differs from the id', message(envelope.type, envelope, 'evt-other'), `id: field "evt-other" does not match envelope id "${envelope.id}"`],
    ['a missing id: field', message(envelope.type, envelope), `id: field null does not match envelope id "${envelope.id}"`],
    ['a malformed connected event', message('connected', { clientId: 1 }), 'connected: expected {clientId, channels}'],
  ])('reports %s', (_what, frame, reason) => {
    const result = classifyFrame(frame);
    expect(result).toEqual({
      kind: 'invalid',
      report: expect.objectContaining({ reason, data: frame.data.slice(0, 1_000) }),
    });
  });

  it('names the frame’s event and id in the report and cuts long data', () => {
    const long = message('inventory:update', 'x'.repeat(5_000), 'evt-1');
    expect(classifyFrame(long)).toEqual({
      kind: 'invalid',
      report: { reason: 'data is not JSON', eventName: 'inventory:update', eventId: 'evt-1', data: 'x'.repeat(1_000) },
    });
  });
});
