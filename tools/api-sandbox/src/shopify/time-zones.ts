import type { SandboxCurrency } from './sandbox.types';

/** Default shop time zone per currency (a shop may override it with `ShopSpec.timeZone`). */
const DEFAULT_ZONES: Record<SandboxCurrency, string> = {
  GBP: 'Europe/London', EUR: 'Europe/Berlin', USD: 'America/New_York', CAD: 'America/Toronto', AUD: 'Australia/Sydney', NZD: 'Pacific/Auckland',
  CHF: 'Europe/Zurich', SEK: 'Europe/Stockholm', DKK: 'Europe/Copenhagen', NOK: 'Europe/Oslo', PLN: 'Europe/Warsaw', JPY: 'Asia/Tokyo', BHD: 'Asia/Bahrain',
};

export const defaultTimeZone = (currency: SandboxCurrency): string => DEFAULT_ZONES[currency];

/** Throws unless `zone` is an IANA zone this runtime knows. */
export function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`unknown IANA time zone: ${zone}`);
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at an instant (e.g. 60 for Europe/London in summer). */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** The zone's short name at an instant (`BST`, `CET`, `JST`, or `GMT+3` where the runtime has no abbreviation). */
export function zoneAbbreviation(zone: string, epochMs: number): string {
  const name = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
  const us = name('en-US');
  return /^GMT[+-]/.test(us) ? name('en-GB') : us;
}

/** `+01:00` style offset. */
export function formatOffset(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
