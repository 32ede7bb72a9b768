/**
 * Local calendar days of an IANA zone, from `Intl.DateTimeFormat` alone (written for the
 * sandbox's independent totals; it shares no code with the worker's period logic).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(zone: string, epochMs: number): { y: number; m: number; d: number; wallMs: number } {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((p) => [p.type, Number(p.value)]));
  const y = part['year'] ?? 1970;
  const m = part['month'] ?? 1;
  const d = part['day'] ?? 1;
  return { y, m, d, wallMs: Date.UTC(y, m - 1, d, part['hour'] ?? 0, part['minute'] ?? 0, part['second'] ?? 0) };
}

/** Offset (wall clock − UTC) in ms at an instant. */
const offsetMs = (zone: string, epochMs: number): number => wallClock(zone, epochMs).wallMs - Math.floor(epochMs / 1000) * 1000;

/**
 * The first instant of the local day `daysBack` days before the local date of `asOf`
 * (0 = asOf's own day). Midnight is found by correcting the offset until it is stable, so a
 * 23- or 25-hour day around a DST change is handled; where midnight itself is skipped, the
 * first existing local instant of that day is returned.
 */
export function localMidnight(zone: string, asOf: Date, daysBack: number): Date {
  const { y, m, d } = wallClock(zone, asOf.getTime());
  const wallMidnight = Date.UTC(y, m - 1, d - daysBack);
  let guess = wallMidnight - offsetMs(zone, wallMidnight);
  for (let i = 0; i < 3; i++) {
    const next = wallMidnight - offsetMs(zone, guess);
    if (next === guess) break;
    guess = next;
  }
  // A skipped midnight (spring-forward at 00:00) lands on the previous day: step to the day's first instant.
  const target = new Date(wallMidnight).toISOString().slice(0, 10);
  const dayOf = (ms: number) => {
    const w = wallClock(zone, ms);
    return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
  };
  while (dayOf(guess) < target) guess += 15 * 60 * 1000;
  return new Date(guess);
}
