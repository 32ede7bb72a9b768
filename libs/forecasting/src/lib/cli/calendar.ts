import type { Frequency } from '../types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD), or NaN when it is not a real calendar date. */
export function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / 86_400_000;
}

/** Position on the frequency's own clock: days, weeks, months or quarters since 1970 (fractional when misaligned). */
export function periodIndex(date: string, frequency: Frequency): number {
  const days = dayNumber(date);
  if (Number.isNaN(days)) return Number.NaN;
  if (frequency === 'day') return days;
  if (frequency === 'week') return days / 7;
  const d = new Date(days * 86_400_000);
  const months = (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
  return frequency === 'month' ? months : months / 3;
}

/** The date `k` periods after `date`; months keep the day of month, clamped to the month's last day. */
export function addPeriods(date: string, frequency: Frequency, k: number): string {
  const d = new Date(dayNumber(date) * 86_400_000);
  if (frequency === 'day' || frequency === 'week') {
    d.setUTCDate(d.getUTCDate() + k * (frequency === 'week' ? 7 : 1));
    return d.toISOString().slice(0, 10);
  }
  const months = k * (frequency === 'quarter' ? 3 : 1);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
