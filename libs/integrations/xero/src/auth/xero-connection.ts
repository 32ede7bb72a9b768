import { createHash } from 'node:crypto';

import { AuthRevokedError, OAuthTokenStore, type TokenSetStorage, withRetry } from '@ops/sync-core';

import type { XeroConfig } from '../config/xero.config';
import { ReauthorizationRequiredError } from './xero-auth.errors';
import type { XeroIdentityClient, XeroTokenSet } from './xero-identity.client';

export interface XeroConnectionOptions {
  /** Cross-process exclusion for the read-refresh-save step (`databaseExclusive`). */
  exclusive?: <R>(step: () => Promise<R>) => Promise<R>;
  log?: (message: string) => void;
  signal?: AbortSignal;
  now?: () => number;
}

/** SHA-256 of a refresh token: recognises a seed without keeping it. */
export function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The one Xero connection (a grant over one or more tenants): hands out a valid access token,
 * refreshed 5 minutes ahead of expiry through an {@link OAuthTokenStore} (single-flight, the rotated
 * refresh token saved before the access token is used). Where the chain starts:
 * - `client_credentials`: a Custom Connection token, no refresh token;
 * - the stored refresh token, when there is one (made by `connect`, or grown from the same seed);
 * - else `XERO_REFRESH_TOKEN`, whose fingerprint is kept so a later start knows it was used.
 * With neither it throws {@link ReauthorizationRequiredError}: run `npm run connect -- xero`.
 */
export class XeroConnection {
  private readonly tokens: OAuthTokenStore<XeroTokenSet>;
  private toldIgnored = false;
  private seedChecked?: Promise<void>;

  constructor(
    private readonly config: Pick<XeroConfig, 'grant' | 'seedRefreshToken'>,
    private readonly identity: XeroIdentityClient,
    private readonly storage: TokenSetStorage<XeroTokenSet>,
    private readonly options: XeroConnectionOptions = {},
  ) {
    this.tokens = new OAuthTokenStore<XeroTokenSet>({
      storage,
      refresh: (current) => this.issue(current),
      ...(options.exclusive ? { exclusive: options.exclusive } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  async accessToken(): Promise<string> {
    // A store that cannot be read says so below, from the token store itself.
    this.seedChecked ??= this.tellWhenSeedIgnored().catch(() => undefined);
    await this.seedChecked;
    return this.tokens.accessToken();
  }

  /**
   * Runs `call` with a valid access token. When Xero answers 401 to a token that had not expired
   * (the grant was revoked, or replaced elsewhere), the token is dropped and `call` runs once more
   * with a refreshed one; a dead grant then surfaces as {@link ReauthorizationRequiredError}.
   */
  async authorized<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      this.tokens.invalidate(token);
      return call(await this.accessToken());
    }
  }

  /** Says once, at first use, that `XERO_REFRESH_TOKEN` is ignored because the store holds a newer chain. */
  private async tellWhenSeedIgnored(): Promise<void> {
    const seed = this.config.seedRefreshToken;
    if (!seed || this.config.grant === 'client_credentials') return;
    const stored = await this.storage.load();
    if (stored?.refreshToken && this.storedWins(stored, fingerprint(seed))) this.tellIgnored();
  }

  private tellIgnored(): void {
    if (this.toldIgnored) return;
    this.toldIgnored = true;
    this.options.log?.('XERO_REFRESH_TOKEN is ignored: the credential store holds a newer refresh token for this connection');
  }

  /** A stored chain wins unless it grew from a different seed than the one configured now. */
  private storedWins(stored: XeroTokenSet, seedPrint: string | undefined): boolean {
    return !seedPrint || !stored.seedFingerprint || stored.seedFingerprint === seedPrint;
  }

  private async issue(current: XeroTokenSet | undefined): Promise<XeroTokenSet> {
    if (this.config.grant === 'client_credentials') return this.retrying(() => this.identity.clientCredentials());
    const seed = this.config.seedRefreshToken;
    const seedPrint = seed ? fingerprint(seed) : undefined;
    const stored = current?.refreshToken;
    if (stored && current && this.storedWins(current, seedPrint)) {
      if (seed) this.tellIgnored();
      const next = await this.retrying(() => this.identity.refresh(stored));
      return { ...next, ...(current?.seedFingerprint ? { seedFingerprint: current.seedFingerprint } : {}) };
    }
    if (seed && seedPrint) {
      this.options.log?.('seeding the Xero connection from XERO_REFRESH_TOKEN (first use of this token)');
      const next = await this.retrying(() => this.identity.refresh(seed));
      return { ...next, seedFingerprint: seedPrint };
    }
    throw new ReauthorizationRequiredError('Xero is not connected yet: run npm run connect -- xero (or set XERO_REFRESH_TOKEN)');
  }

  /** Network failures and 5xx are retried with the same refresh token, which Xero honours for 30 minutes. */
  private retrying(grant: () => Promise<XeroTokenSet>): Promise<XeroTokenSet> {
    return withRetry(grant, { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 }, { ...(this.options.signal ? { signal: this.options.signal } : {}) });
  }
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof AuthRevokedError && /HTTP 401\b/.test(error.message);
}
