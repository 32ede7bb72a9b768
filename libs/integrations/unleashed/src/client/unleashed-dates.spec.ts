import { MalformedResponseError } from '@ops/sync-core';

import { formatFilterDate, formatUnleashedDate, parseOptionalUnleashedDate, parseUnleashedDate } from './unleashed-dates';

// Epoch seconds checked by hand with `date -u -d @1764547200` (Mon Dec 1 00:00:00 UTC 2025).
describe('parseUnleashedDate', () => {
  it.each([
    ['/Date(1764547200000)/', '2025-12-01T00:00:00.000Z'],
    ['/Date(1764460800000)/', '2025-11-30T00:00:00.000Z'],
    ['/Date(1764547200123)/', '2025-12-01T00:00:00.123Z'],
    // The offset names the writer's zone; the milliseconds are already UTC.
    ['/Date(1764547200000+1300)/', '2025-12-01T00:00:00.000Z'],
    ['/Date(1764547200000-0500)/', '2025-12-01T00:00:00.000Z'],
    ['/Date(-62135596800000)/', '0001-01-01T00:00:00.000Z'],
  ])('%s is %s', (raw, iso) => {
    expect(parseUnleashedDate(raw).toISOString()).toBe(iso);
  });

  it.each(['2025-12-01', '/Date()/', '/Date(17645x)/', 'Date(1764547200000)', '/Date(1764547200000+13)/', ''])(
    'rejects %j as malformed',
    (raw) => {
      expect(() => parseUnleashedDate(raw)).toThrow(MalformedResponseError);
    },
  );

  it('keeps null as null', () => {
    expect(parseOptionalUnleashedDate(null)).toBeNull();
    expect(parseOptionalUnleashedDate(undefined)).toBeNull();
  });
});

describe('filter dates', () => {
  it('are the UTC calendar date, whatever the local zone', () => {
    expect(formatFilterDate(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-30');
    expect(formatFilterDate(new Date('2026-12-01T00:30:00+01:00'))).toBe('2026-11-30');
  });

  it('round-trips through the wire format', () => {
    expect(formatUnleashedDate(new Date('2026-12-01T00:00:00Z'))).toBe('/Date(1796083200000)/');
    expect(parseUnleashedDate(formatUnleashedDate(new Date('2026-12-01T10:11:12.013Z'))).toISOString()).toBe('2026-12-01T10:11:12.013Z');
  });
});
