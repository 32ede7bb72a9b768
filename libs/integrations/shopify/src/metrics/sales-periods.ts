export const SALES_PERIODS = ['today', 'last7Days', 'last30Days'] as const;
export type SalesPeriod = (typeof SALES_PERIODS)[number];

/** Calendar days each period spans, today included. */
const DAYS: Record<SalesPeriod, number> = { today: 1, last7Days: 7, last30Days: 30 };

export interface PeriodBounds {
  /** Local midnight the period starts at, as an instant. */
  since: Date;
  /** The sync time: the period ends here (inclusive). */
  until: Date;
}

/** Minutes `timeZone` is ahead of UTC at `instant` (e.g. 60 for Europe/London in summer). */
function offsetMinutes(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT(?:([+-])(\d{2}):?(\d{2}))?/.exec(name ?? '');
  if (!match) throw new RangeError(`cannot read the UTC offset of ${timeZone}`);
  if (!match[1]) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The local calendar date of `instant` in `timeZone`, as UTC midnight of that date (a day key). */
function localDate(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'));
}

/** The instant local midnight of the day `day` (a UTC-midnight day key) begins in `timeZone`. */
function localMidnight(day: number, timeZone: string): number {
  // Two passes: the offset at the guess can differ from the offset at midnight across a DST change.
  let guess = day - offsetMinutes(day, timeZone) * 60_000;
  guess = day - offsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

/**
 * Where each period begins and ends in the shop's time zone, relative to the sync time `asOf`:
 * `today` from local midnight, `last7Days` and `last30Days` from local midnight 6 and 29 calendar
 * days before (so DST days of 23 or 25 hours count as one day each), all up to `asOf`. Pure.
 * @throws RangeError for a time zone Intl does not know.
 */
export function periodBounds(asOf: Date, timeZone: string): Record<SalesPeriod, PeriodBounds> {
  const today = localDate(asOf.getTime(), timeZone);
  const bounds = (days: number): PeriodBounds => ({
    since: new Date(localMidnight(today - (days - 1) * 86_400_000, timeZone)),
    until: asOf,
  });
  return { today: bounds(DAYS.today), last7Days: bounds(DAYS.last7Days), last30Days: bounds(DAYS.last30Days) };
}
