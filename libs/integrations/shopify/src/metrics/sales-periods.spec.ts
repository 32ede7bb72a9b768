import { periodBounds } from './sales-periods';

const iso = (date: Date) => date.toISOString();

describe('periodBounds', () => {
  it.each([
    // asOf, zone, today starts, last 7 days start, last 30 days start
    ['2026-11-30T14:05:00Z', 'Europe/London', '2026-11-30T00:00:00.000Z', '2026-11-24T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    // Early morning UTC is still the previous evening in New York.
    ['2026-12-01T03:00:00Z', 'America/New_York', '2026-11-30T05:00:00.000Z', '2026-11-24T05:00:00.000Z', '2026-11-01T04:00:00.000Z'],
    ['2026-12-01T03:00:00Z', 'Asia/Tokyo', '2026-11-30T15:00:00.000Z', '2026-11-24T15:00:00.000Z', '2026-11-01T15:00:00.000Z'],
    ['2026-12-01T03:00:00Z', 'Asia/Bahrain', '2026-11-30T21:00:00.000Z', '2026-11-24T21:00:00.000Z', '2026-11-01T21:00:00.000Z'],
  ])('at %s in %s', (asOf, zone, today, week, month) => {
    const bounds = periodBounds(new Date(asOf), zone);
    expect([iso(bounds.today.since), iso(bounds.last7Days.since), iso(bounds.last30Days.since)]).toEqual([today, week, month]);
    expect(iso(bounds.today.until)).toBe(new Date(asOf).toISOString());
  });

  it('Europe/London across the spring change (29 March 2026: 23 hours) and the autumn change (25 October 2026: 25 hours)', () => {
    // The day after the clocks go forward begins at 23:00 UTC the evening before.
    const spring = periodBounds(new Date('2026-04-02T12:00:00Z'), 'Europe/London');
    expect(iso(spring.today.since)).toBe('2026-04-01T23:00:00.000Z');
    // Six days back is 27 March, before the change: midnight GMT.
    expect(iso(spring.last7Days.since)).toBe('2026-03-27T00:00:00.000Z');
    // On the change day itself midnight is still GMT (the jump happens at 01:00).
    expect(iso(periodBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/London').today.since)).toBe('2026-03-29T00:00:00.000Z');
    const autumn = periodBounds(new Date('2026-10-25T12:00:00Z'), 'Europe/London');
    expect(iso(autumn.today.since)).toBe('2026-10-24T23:00:00.000Z');
    expect(iso(periodBounds(new Date('2026-10-26T12:00:00Z'), 'Europe/London').today.since)).toBe('2026-10-26T00:00:00.000Z');
  });

  it('America/New_York across the spring change (8 March 2026) and the autumn change (1 November 2026)', () => {
    expect(iso(periodBounds(new Date('2026-03-08T12:00:00Z'), 'America/New_York').today.since)).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(periodBounds(new Date('2026-03-09T12:00:00Z'), 'America/New_York').today.since)).toBe('2026-03-09T04:00:00.000Z');
    const autumn = periodBounds(new Date('2026-11-02T12:00:00Z'), 'America/New_York');
    expect(iso(autumn.today.since)).toBe('2026-11-02T05:00:00.000Z');
    expect(iso(autumn.last7Days.since)).toBe('2026-10-27T04:00:00.000Z');
  });

  it('refuses an unknown time zone', () => {
    expect(() => periodBounds(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
