import { addDecimals } from '@ops/sse-events';

import { type AssemblyJobLine, OPEN_STATUSES } from '../mapping/assembly.mapper';
import type { LateJob, ProductionFigures } from './unleashed-payload.types';

const DAY_MS = 86_400_000;
/** Late jobs listed by name in one event; the count covers them all. */
export const MAX_LATE_JOBS = 1000;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const utcDate = (instant: Date) => instant.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Production figures of the stored jobs, measured on UTC calendar dates from `asOf`: jobs and
 * quantities by status; open jobs (Parked, Planned, InProgress) due today through the sixth day
 * after; and open jobs late, i.e. whose `AssembleBy` date is before today, each named (most late
 * first, then by number). A job without `AssembleBy` is never due nor late.
 */
export function productionFigures(jobs: readonly AssemblyJobLine[], asOf: Date): ProductionFigures {
  const today = utcDate(asOf);
  const lastDue = addDays(today, 6);
  const byStatus: ProductionFigures['byStatus'] = {};
  const quantities = new Map<AssemblyJobLine['status'], string[]>();
  const due: AssemblyJobLine[] = [];
  const late: LateJob[] = [];
  for (const job of jobs) {
    byStatus[job.status] = (byStatus[job.status] ?? 0) + 1;
    quantities.set(job.status, [...(quantities.get(job.status) ?? []), job.quantity]);
    if (!OPEN_STATUSES.includes(job.status) || job.dueDate === null) continue;
    if (job.dueDate < today) {
      late.push({
        assemblyNumber: job.assemblyNumber,
        productCode: job.productCode,
        status: job.status,
        quantity: job.quantity,
        assembleBy: job.dueDate,
        daysLate: daysBetween(job.dueDate, today),
      });
    } else if (job.dueDate <= lastDue) {
      due.push(job);
    }
  }
  late.sort((a, b) => b.daysLate - a.daysLate || byText(a.assemblyNumber, b.assemblyNumber));
  return {
    total: jobs.length,
    byStatus,
    quantityByStatus: Object.fromEntries([...quantities].map(([status, values]) => [status, addDecimals(values)])),
    dueNext7Days: { from: today, to: lastDue, count: due.length, quantity: addDecimals(due.map((j) => j.quantity)) },
    late: { count: late.length, quantity: addDecimals(late.map((j) => j.quantity)), jobs: late.slice(0, MAX_LATE_JOBS) },
  };
}
