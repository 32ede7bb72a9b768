import { and, asc, eq, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { integrationAccounts, type CredentialState } from '../schema';

export type IntegrationAccount = typeof integrationAccounts.$inferSelect;

/**
 * Records a configured account, updating its label when it exists. Leaves any stored credential
 * state untouched.
 */
export async function saveIntegrationAccount(
  tx: Executor,
  account: { integration: string; accountId: string; label?: string | null },
): Promise<void> {
  await tx
    .insert(integrationAccounts)
    .values({ integration: account.integration, accountId: account.accountId, label: account.label ?? null })
    .onConflictDoUpdate({
      target: [integrationAccounts.integration, integrationAccounts.accountId],
      set: { label: account.label ?? null, updatedAt: sql`now()` },
    });
}

/** Accounts of one integration, by account id. */
export function listIntegrationAccounts(tx: Executor, integration: string): Promise<IntegrationAccount[]> {
  return tx
    .select()
    .from(integrationAccounts)
    .where(eq(integrationAccounts.integration, integration))
    .orderBy(asc(integrationAccounts.accountId));
}

/**
 * The stored credential state (rotated tokens, expiry) of one account, or null when none was
 * saved. The shape is the integration's: validate it before use.
 */
export async function getCredentialState(
  tx: Executor,
  integration: string,
  accountId: string,
): Promise<CredentialState | null> {
  const rows = await tx
    .select({ state: integrationAccounts.credentialState })
    .from(integrationAccounts)
    .where(and(eq(integrationAccounts.integration, integration), eq(integrationAccounts.accountId, accountId)))
    .limit(1);
  return rows[0]?.state ?? null;
}

/**
 * Replaces the credential state of one account, creating the account row when missing. Save a
 * rotated refresh token before using it. Stored as plain JSON (not encrypted by the store).
 */
export async function saveCredentialState(
  tx: Executor,
  integration: string,
  accountId: string,
  state: CredentialState,
): Promise<void> {
  await tx
    .insert(integrationAccounts)
    .values({ integration, accountId, credentialState: state })
    .onConflictDoUpdate({
      target: [integrationAccounts.integration, integrationAccounts.accountId],
      set: { credentialState: state, updatedAt: sql`now()` },
    });
}
