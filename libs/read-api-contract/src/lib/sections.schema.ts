import { EventSourceSchema, IsoDateTimeSchema } from '@ops/sse-events';
import { z } from 'zod';

export const ReasonSchema = z.string().min(1).max(500);

/**
 * A figure that cannot be computed honestly is `null`, with `<name>Reason` next to it saying why.
 * Checked on the object's own keys (nested lists carry their own rules).
 */
export function nullsHaveReasons(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const [key, figure] of Object.entries(value)) {
    if (figure !== null || key.endsWith('Reason')) continue;
    const reason = value[`${key}Reason`];
    if (typeof reason !== 'string' || reason === '') {
      ctx.addIssue({ code: 'custom', path: [`${key}Reason`], message: `${key} is null, so ${key}Reason must say why` });
    }
  }
}

/** An optional `<name>Reason`, present exactly when `<name>` is null. */
export const OptionalReasonSchema = ReasonSchema.optional();

/** An entry of an integration section: its `status`, where its figures come from, and the account's label. */
function entryWithStatus<S extends string, F extends z.ZodRawShape>(status: S, fields: F) {
  return z.strictObject({ status: z.literal(status), source: EventSourceSchema, label: z.string().max(200).optional(), ...fields });
}

/**
 * One account's figures (a store, marketplace, tenant, organisation): `ok` with the figures the
 * last sync stored, or `no_data` when it is configured but nothing has been synced for it yet.
 * `source` says where the figures come from and whether they are sandbox data.
 */
export function accountEntrySchema<S extends z.ZodRawShape>(figures: S) {
  return z.discriminatedUnion('status', [
    entryWithStatus('no_data', { reason: ReasonSchema }),
    entryWithStatus('ok', {
      /** When the sync that stored these figures committed them. */
      syncedAt: IsoDateTimeSchema,
      ...figures,
    }).superRefine((entry, ctx) => nullsHaveReasons(entry as Record<string, unknown>, ctx)),
  ]);
}

/**
 * One integration's part of a response: `not_configured` (with the reason its config reader
 * gives, e.g. `XERO_CLIENT_ID is not set`) or `configured` with one entry per configured account
 * (or none, with `reason`).
 */
export function integrationSectionSchema<E extends z.ZodType>(entry: E) {
  return z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('not_configured'), reason: ReasonSchema }),
    z
      .strictObject({
        status: z.literal('configured'),
        accounts: z.array(entry).max(100),
        /** Why there is no account to show (e.g. no Xero tenant synced yet); present exactly when `accounts` is empty. */
        reason: ReasonSchema.optional(),
      })
      .refine((section) => (section.accounts.length === 0) === (section.reason !== undefined), {
        message: 'a configured section without accounts says why (reason), and only then',
        path: ['reason'],
      }),
  ]);
}

/** Fields every read response starts with. */
export const responseFields = {
  /** When the server read the figures. */
  generatedAt: IsoDateTimeSchema,
};

type IntegrationSectionSchema<E extends z.ZodType> = ReturnType<typeof integrationSectionSchema<E>>;

/** A response of integration sections: `responseFields`, then one section per integration holding `entries`' accounts. */
export function sectionsResponseSchema<S extends Record<string, z.ZodType>>(entries: S) {
  const sections = Object.fromEntries(Object.entries(entries).map(([integration, entry]) => [integration, integrationSectionSchema(entry)]));
  return z.strictObject({ ...responseFields, ...(sections as { [K in keyof S]: IntegrationSectionSchema<S[K]> }) });
}
