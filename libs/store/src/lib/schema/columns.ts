import type { HasDefault, NotNull } from 'drizzle-orm';
import {
  numeric,
  text,
  timestamp,
  type PgTextBuilderInitial,
  type PgTimestampBuilderInitial,
} from 'drizzle-orm/pg-core';

type RequiredText<TName extends string> = NotNull<PgTextBuilderInitial<TName, [string, ...string[]]>>;

/**
 * A money amount: `numeric(20,4)`, read back as a decimal string with four fraction digits
 * (`"12.5000"`). Never a binary float.
 */
export const money = (name: string) => numeric(name, { precision: 20, scale: 4 });

/** A quantity: unconstrained `numeric`, so the source's scale is kept (`"12"`, `"2.5"`). */
export const quantity = (name: string) => numeric(name);

/** `timestamptz`, mapped to a JS `Date`. */
export const timestamptz = <TName extends string>(name: TName) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `integration` (`shopify`, `amazon`, ...) and the account/store/tenant id within it. */
export const accountColumns = (): {
  integration: RequiredText<'integration'>;
  accountId: RequiredText<'account_id'>;
} => ({
  integration: text('integration').notNull(),
  accountId: text('account_id').notNull(),
});

/** When this row was last written by a sync (not a source timestamp). */
export const syncedAt = (): HasDefault<NotNull<PgTimestampBuilderInitial<'synced_at'>>> =>
  timestamptz('synced_at').notNull().defaultNow();
