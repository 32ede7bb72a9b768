import type { IntegrationStatusEntry } from '@ops/read-api-contract';
import type { IntegrationStatus } from '@ops/sync-core';

/**
 * Compile-time check that sync-core's `GET /api/integrations` entry type and the contract's
 * `IntegrationStatusSchema` describe the same shape (dates are ISO strings on the wire).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const INTEGRATION_STATUS_MATCHES_CONTRACT: Same<IntegrationStatus, IntegrationStatusEntry> = true;
