import {
  type CredentialAccount,
  type CredentialSealer,
  CredentialUnreadableError,
  type Database,
  getCredentialState,
  saveCredentialState,
} from '@ops/store';

import type { TokenSet, TokenSetStorage } from './oauth-token-store';

/**
 * One account's token set in its `integration_accounts.credential_state`, sealed with `sealer`.
 * `load` opens the row; a row that cannot be opened, or that opens to something other than a
 * token set, throws `CredentialUnreadableError` naming the account (and is left as it is).
 */
export function sealedTokenStorage<T extends TokenSet = TokenSet>(
  database: Database,
  sealer: CredentialSealer,
  account: CredentialAccount,
): TokenSetStorage<T> {
  return {
    async load() {
      const state = await getCredentialState(database.db, sealer, account.integration, account.accountId);
      if (state === null) return undefined;
      if (!isTokenSet(state)) {
        throw new CredentialUnreadableError(
          account.integration,
          account.accountId,
          undefined,
          'it opens, but holds no token set (accessToken, expiresAt)',
        );
      }
      return state as T;
    },
    async save(tokens) {
      await saveCredentialState(database.db, sealer, account.integration, account.accountId, { ...tokens });
    },
  };
}

function isTokenSet(state: Record<string, unknown>): boolean {
  return (
    typeof state['accessToken'] === 'string' &&
    typeof state['expiresAt'] === 'number' &&
    (state['refreshToken'] === undefined || typeof state['refreshToken'] === 'string')
  );
}
