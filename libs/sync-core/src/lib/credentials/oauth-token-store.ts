/**
 * An issued set of OAuth tokens. Integrations may carry more (JSON-serialisable) fields. A type,
 * not an interface, so it is assignable to the store's `CredentialState` record.
 */
export type TokenSet = {
  accessToken: string;
  /** When the access token stops working, epoch milliseconds. */
  expiresAt: number;
  /** Present for grants that rotate one (Xero's changes on every refresh). */
  refreshToken?: string;
};

/** Where one account's token set lives between processes (`sealedTokenStorage` in production). */
export interface TokenSetStorage<T extends TokenSet = TokenSet> {
  /** The saved set, or undefined when none was saved. Throws when the saved state is unusable. */
  load(): Promise<T | undefined>;
  /** Replaces the saved set. Resolves only once it is durable. */
  save(tokens: T): Promise<void>;
}

/**
 * Issues a new token set: a refresh-token grant from `current.refreshToken`, or a fresh grant
 * (client credentials, the configured first refresh token) when `current` is undefined.
 */
export type RefreshTokens<T extends TokenSet = TokenSet> = (current: T | undefined) => Promise<T>;

export interface OAuthTokenStoreOptions<T extends TokenSet> {
  storage: TokenSetStorage<T>;
  refresh: RefreshTokens<T>;
  /** Renew once less than this much of the access token's life is left. Default 5 minutes. */
  renewWithinMs?: number;
  now?: () => number;
  /**
   * Runs the read-refresh-save step exclusively across processes (e.g. `databaseExclusive`, an
   * advisory lock), so two processes never spend the same refresh token. Default: no lock.
   */
  exclusive?: <R>(step: () => Promise<R>) => Promise<R>;
}

/**
 * One account's OAuth tokens: hands out a valid access token, refreshing when it is within
 * `renewWithinMs` of expiry. A refresh is single-flight (concurrent callers share it) and its
 * result is saved BEFORE any caller sees it, so a rotated refresh token is never used unsaved
 * and never lost: when the save fails every waiting caller gets the save's error, and the next
 * call saves that same set again instead of spending its refresh token on another grant.
 * Before refreshing, the saved set is read again, in case another process already refreshed.
 * Errors from `storage.load` (an unreadable row) reach the caller; the row is never replaced
 * because it could not be read.
 */
export class OAuthTokenStore<T extends TokenSet = TokenSet> {
  private current?: T;
  /** Issued, not yet saved: the next call saves it before anything else. */
  private unsaved?: T;
  private inFlight?: Promise<T>;
  /** Access tokens the API refused as expired before their time: never handed out again. */
  private readonly rejected = new Set<string>();
  private readonly renewWithinMs: number;
  private readonly now: () => number;

  constructor(private readonly options: OAuthTokenStoreOptions<T>) {
    this.renewWithinMs = options.renewWithinMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** A valid access token (see the class comment for when it refreshes). */
  async accessToken(): Promise<string> {
    return (await this.tokenSet()).accessToken;
  }

  /** The whole valid token set, saved. */
  async tokenSet(): Promise<T> {
    if (this.current && this.fresh(this.current)) return this.current;
    this.inFlight ??= this.obtain().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /**
   * Forgets `accessToken` because the API refused it as expired (clocks disagree, or it was
   * revoked early): the next call refreshes even when a saved copy still looks fresh. Does
   * nothing for a token this store no longer holds.
   */
  invalidate(accessToken: string): void {
    this.rejected.add(accessToken);
    if (this.current?.accessToken === accessToken) this.current = undefined;
  }

  private async obtain(): Promise<T> {
    if (this.unsaved) {
      await this.options.storage.save(this.unsaved);
      this.current = this.unsaved;
      this.unsaved = undefined;
      if (this.fresh(this.current)) return this.current;
    }
    const exclusive = this.options.exclusive ?? ((step) => step());
    return exclusive(async () => {
      // Another process (or an earlier run of this one) may have refreshed since we last looked.
      const saved = await this.options.storage.load();
      if (saved && this.fresh(saved)) return (this.current = saved);
      const issued = await this.options.refresh(saved ?? this.current);
      this.unsaved = issued;
      await this.options.storage.save(issued);
      this.unsaved = undefined;
      return (this.current = issued);
    });
  }

  private fresh(tokens: T): boolean {
    return !this.rejected.has(tokens.accessToken) && tokens.expiresAt - this.now() > this.renewWithinMs;
  }
}
