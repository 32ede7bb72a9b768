import { createEnvelope } from '../create-envelope';
import { ENVELOPE_FIELD } from './redis-stream.options';
import { decodeEntries, streamIdAfter } from './stream-entry';

const envelope = createEnvelope(
  'inventory:update',
  { system: 'unleashed', account: 'main', environment: 'sandbox' },
  { sku: 'SKU-1', quantity: 4, previousQuantity: 2, location: 'main', source: 'unleashed' },
  { id: 'evt-1' },
);

describe('decodeEntries', () => {
  it('decodes valid entries in order and reports (and skips) the others', () => {
    const invalid: string[] = [];
    const entries = decodeEntries(
      [
        ['1700000000000-0', [ENVELOPE_FIELD, JSON.stringify(envelope)]],
        ['1700000000000-1', ['other', 'x']],
        ['1700000000001-0', [ENVELOPE_FIELD, '{not json']],
        ['1700000000002-0', [ENVELOPE_FIELD, JSON.stringify({ ...envelope, channels: ['sales'] })]],
        ['1700000000003-0', ['note', ENVELOPE_FIELD, ENVELOPE_FIELD, JSON.stringify({ ...envelope, id: 'evt-2' })]],
      ],
      (streamId, reason) => invalid.push(`${streamId}: ${reason}`),
    );
    expect(entries).toEqual([
      { streamId: '1700000000000-0', envelope },
      { streamId: '1700000000003-0', envelope: { ...envelope, id: 'evt-2' } },
    ]);
    expect(invalid).toEqual([
      '1700000000000-1: no "envelope" field',
      '1700000000001-0: envelope is not JSON',
      expect.stringMatching(/^1700000000002-0: channels: must be \[inventory\]/),
    ]);
  });
});

describe('streamIdAfter', () => {
  it.each([
    ['1-1', '1-0', true],
    ['2-0', '1-99', true],
    ['1-0', '1-0', false],
    ['1-0', '1-1', false],
    // Past 2^53: compared exactly, not as floats.
    ['9007199254740993-0', '9007199254740992-0', true],
    ['10-0', '9-0', true],
  ])('%s after %s: %s', (a, b, expected) => {
    expect(streamIdAfter(a, b)).toBe(expected);
  });
});
