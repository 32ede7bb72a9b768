import type { Envelope } from '@ops/sse-events';

import { appendEntry, entryOfEnvelope, replayGapEntry, type EventLogEntry } from './event-log';

const envelope = {
  id: '1764650000000-0',
  type: 'shopify:sync_started',
  channels: ['sales'],
  source: { system: 'shopify', account: 'uk-store', environment: 'sandbox' },
  occurredAt: '2026-12-02T04:30:00.000Z',
  payload: { stores: ['uk-store'] },
} as unknown as Envelope;

const entry = (id: string): EventLogEntry => ({ id, type: 'admin:broadcast', at: '2026-12-02T04:30:00.000Z', summary: 'hub / hub', sandbox: false });

describe('event log', () => {
  it('maps an envelope to an entry', () => {
    expect(entryOfEnvelope(envelope)).toEqual({
      id: '1764650000000-0',
      type: 'shopify:sync_started',
      at: '2026-12-02T04:30:00.000Z',
      summary: 'shopify / uk-store',
      sandbox: true,
    });
  });

  it('says what a progress, error or broadcast event reports', () => {
    const progress = { ...envelope, type: 'forecast:progress', source: { system: 'forecast', account: 'all', environment: 'production' }, payload: { jobId: 'fc-1', stage: 'loading_history', progress: 0.125 } };
    const failure = { ...envelope, type: 'shopify:sync_error', payload: { error: { code: 'auth_failed', message: 'token revoked' }, retryable: false } };
    const broadcast = { ...envelope, type: 'admin:broadcast', source: { system: 'hub', account: 'hub', environment: 'production' }, payload: { message: 'deploy at 18:00', level: 'info' } };
    expect(entryOfEnvelope(progress as unknown as Envelope).summary).toBe('forecast / all · loading history 13%');
    expect(entryOfEnvelope(failure as unknown as Envelope).summary).toBe('shopify / uk-store · auth_failed: token revoked');
    expect(entryOfEnvelope(broadcast as unknown as Envelope).summary).toBe('hub / hub · info: deploy at 18:00');
  });

  it('keeps the newest entries first and at most the limit', () => {
    let log: EventLogEntry[] = [];
    for (let i = 1; i <= 5; i++) log = appendEntry(log, entry(`e${i}`), 3);
    expect(log.map((e) => e.id)).toEqual(['e5', 'e4', 'e3']);
  });

  it('does not add a replayed event twice', () => {
    const log = appendEntry(appendEntry([], entry('e1')), entry('e1'));
    expect(log).toHaveLength(1);
  });

  it('makes a distinct entry for each replay gap', () => {
    const at = new Date('2026-12-02T04:31:00.000Z');
    const first = replayGapEntry(at, 1);
    const second = replayGapEntry(at, 2);
    expect(first.type).toBe('replay_gap');
    expect(first.id).not.toBe(second.id);
  });
});
