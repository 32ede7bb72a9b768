/**
 * Stored credential state that cannot be used: sealed under a key that is not configured,
 * altered, copied from another account, or not sealed at all. Not retryable: only an operator
 * can fix it (configure the key it was sealed with, or clear the account's state). The failing
 * read leaves the row as it is. The message names the account and key id, never a key or a value.
 */
export class CredentialUnreadableError extends Error {
  override readonly name = 'CredentialUnreadableError';
  readonly code = 'CREDENTIALS_UNREADABLE';
  readonly retryable = false;

  constructor(
    readonly integration: string,
    readonly accountId: string,
    /** The key id the row names, when it names one. */
    readonly keyId: string | undefined,
    readonly reason: string,
  ) {
    super(
      `stored credentials of ${integration} account "${accountId}" are unreadable` +
        `${keyId ? ` (key id ${keyId})` : ''}: ${reason}. The row is left unchanged: configure the key it was ` +
        `sealed with (CREDENTIALS_KEY or CREDENTIALS_PREVIOUS_KEYS), or clear the account's credential state.`,
    );
  }
}
