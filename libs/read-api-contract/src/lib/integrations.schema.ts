import { IsoDateTimeSchema, SyncErrorSchema } from '@ops/sse-events';
import { z } from 'zod';

/** A sync run's status, as the store records it (`sync_runs.status`). */
export const SYNC_RUN_STATUSES = ['running', 'succeeded', 'failed', 'partial', 'interrupted', 'abandoned'] as const;
export const SyncRunStatusSchema = z.enum(SYNC_RUN_STATUSES);

export const AccountRefSchema = z.strictObject({ id: z.string().min(1), label: z.string().optional() });

/** One entry of `GET /api/integrations` (sync-core's `IntegrationStatus`). */
export const IntegrationStatusSchema = z.strictObject({
  integration: z.string().min(1),
  configured: z.boolean(),
  /** Why it is not configured; absent when it is. */
  reason: z.string().optional(),
  accounts: z.array(AccountRefSchema),
  lastRun: z
    .strictObject({
      status: SyncRunStatusSchema,
      startedAt: IsoDateTimeSchema,
      finishedAt: IsoDateTimeSchema.nullable(),
      counters: z.record(z.string(), z.number()),
      error: SyncErrorSchema.optional(),
    })
    .nullable(),
  /** When the schedule fires next; null when it is not scheduled here. */
  nextRunAt: IsoDateTimeSchema.nullable(),
  /** True when the last run found the grant dead (`reauthorization_required`). */
  reauthorizationRequired: z.boolean().optional(),
});

export const IntegrationsResponseSchema = z.array(IntegrationStatusSchema);

export type IntegrationStatusEntry = z.infer<typeof IntegrationStatusSchema>;
export type IntegrationsResponse = z.infer<typeof IntegrationsResponseSchema>;
