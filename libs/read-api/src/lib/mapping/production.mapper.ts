import type { UnleashedProduction } from '@ops/read-api-contract';
import type { Envelope } from '@ops/sse-events';

import type { ConfiguredAccount } from '../sources/read-sources';
import { noData, okEntry, unusableReason } from './entries';

/** An Unleashed organisation's assembly jobs from its latest `unleashed:sync_completed`. Pure. */
export function unleashedProduction(account: ConfiguredAccount, event: Envelope<'unleashed:sync_completed'> | undefined): UnleashedProduction {
  const reason = unusableReason(account, event, 'no Unleashed sync has completed yet');
  if (reason || !event) return noData('unleashed', account, reason ?? '');
  const { asOf, production } = event.payload;
  const { total, byStatus, quantityByStatus, dueNext7Days: due, late } = production;
  return {
    ...okEntry('unleashed', account, event.occurredAt),
    asOf,
    total,
    byStatus,
    quantityByStatus,
    dueNext7DaysFrom: due.from,
    dueNext7DaysTo: due.to,
    dueNext7DaysCount: due.count,
    dueNext7DaysQuantity: due.quantity,
    lateCount: late.count,
    lateQuantity: late.quantity,
    lateJobs: late.jobs,
  };
}
