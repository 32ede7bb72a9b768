import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';

import type { CredentialSealer } from '../credentials/credential-sealer';
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
 * The credential state (rotated tokens, expiry) of one account, opened with `sealer`, or null
 * when none was saved. The shape is the integration's: validate it before use.
 * @throws CredentialUnreadableError when the row is not sealed, was altered or copied from another
 *   account, or names a key `sealer` does not hold. The row is left as it is.
 */
export async function getCredentialState(
  tx: Executor,
  sealer: CredentialSealer,
  integration: string,
  accountId: string,
): Promise<CredentialState | null> {
  const rows = await tx
    .select({ state: integrationAccounts.credentialState })
    .from(integrationAccounts)
    .where(and(eq(integrationAccounts.integration, integration), eq(integrationAccounts.accountId, accountId)))
    .limit(1);
  const stored = rows[0]?.state;
  return stored == null ? null : sealer.open(stored, { integration, accountId });
}

/**
 * Replaces the credential state of one account, sealed under `sealer`'s current key (so a row
 * read under an older key is re-sealed), creating the account row when missing. Save a rotated
 * refresh token before using it.
 */
export async function saveCredentialState(
  tx: Executor,
  sealer: CredentialSealer,
  integration: string,
  accountId: string,
  state: CredentialState,
): Promise<void> {
  const sealed = sealer.seal(state, { integration, accountId });
  await tx
    .insert(integrationAccounts)
    .values({ integration, accountId, credentialState: sealed })
    .onConflictDoUpdate({
      target: [integrationAccounts.integration, integrationAccounts.accountId],
      set: { credentialState: sealed, updatedAt: sql`now()` },
    });
}

/**
 * Forgets the credential state of one account (the operator's way out of an unreadable row).
 * Returns whether there was state to clear; the account row stays.
 */
export async function clearCredentialState(tx: Executor, integration: string, accountId: string): Promise<boolean> {
  const cleared = await tx
    .update(integrationAccounts)
    .set({ credentialState: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(integrationAccounts.integration, integration),
        eq(integrationAccounts.accountId, accountId),
        isNotNull(integrationAccounts.credentialState),
      ),
    )
    .returning({ accountId: integrationAccounts.accountId });
  return cleared.length > 0;
}
