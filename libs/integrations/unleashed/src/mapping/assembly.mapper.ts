import { MalformedResponseError } from '@ops/sync-core';

import type { RawAssembly } from '../client/unleashed.api-types';
import { parseOptionalUnleashedDate } from '../client/unleashed-dates';
import { jsonDecimal } from './json-decimal';

export const ASSEMBLY_STATUSES = ['Parked', 'Planned', 'InProgress', 'Completed', 'Cancelled'] as const;
export type AssemblyStatus = (typeof ASSEMBLY_STATUSES)[number];

/** Statuses of jobs still to be assembled. */
export const OPEN_STATUSES: readonly AssemblyStatus[] = ['Parked', 'Planned', 'InProgress'];

/** One production job as stored. */
export interface AssemblyJobLine {
  externalId: string;
  assemblyNumber: string;
  status: AssemblyStatus;
  productCode: string;
  quantity: string;
  /** The UTC calendar date of `AssembleBy`; null when the job has none. */
  dueDate: string | null;
}

/**
 * Unleashed's status text as one of {@link ASSEMBLY_STATUSES} (`In Progress` and `InProgress`
 * are the same status).
 * @throws MalformedResponseError for a status this worker does not know: never counted as another.
 */
export function assemblyStatus(raw: string): AssemblyStatus {
  const compact = raw.replace(/\s+/g, '');
  const status = ASSEMBLY_STATUSES.find((s) => s.toLowerCase() === compact.toLowerCase());
  if (!status) throw new MalformedResponseError(`unknown assembly status ${JSON.stringify(raw.slice(0, 40))}`);
  return status;
}

export function mapAssembly(raw: RawAssembly): AssemblyJobLine {
  const assembleBy = parseOptionalUnleashedDate(raw.AssembleBy);
  return {
    externalId: raw.Guid,
    assemblyNumber: raw.AssemblyNumber,
    status: assemblyStatus(raw.AssemblyStatus),
    productCode: raw.Product.ProductCode,
    quantity: jsonDecimal(raw.Quantity),
    dueDate: assembleBy ? assembleBy.toISOString().slice(0, 10) : null,
  };
}
