import { randomBytes } from 'node:crypto';

import { isRetryable } from '@ops/resilience';
import { serializeSyncError } from '@ops/sse-events';
import {
  CredentialSealer,
  CredentialUnreadableError,
  type Database,
  integrationAccounts,
  openDatabase,
  saveCredentialState,
} from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';
import { and, eq, sql } from 'drizzle-orm';

import { OAuthTokenStore, type TokenSet } from './oauth-token-store';
import { sealedTokenStorage } from './sealed-token-storage';

const account = { integration: 'xero', accountId: 'tenant-7f2c' };

async function rawRow(database: Database): Promise<string | null> {
  const [row] = await database.db
    .select({ text: sql<string | null>`${integrationAccounts.credentialState}::text` })
    .from(integrationAccounts)
    .where(and(eq(integrationAccounts.integration, account.integration), eq(integrationAccounts.accountId, account.accountId)));
  return row?.text ?? null;
}

function sealedTokenStorageSuite(open: () => Promise<Database>) {
  let database: Database;
  const sealer = new CredentialSealer(randomBytes(32));
  let issued = 0;
  const refresh = jest.fn(async (): Promise<TokenSet> => {
    issued += 1;
    return { accessToken: `access-secret-${issued}`, refreshToken: `refresh-secret-${issued}`, expiresAt: Date.now() + 30 * 60_000 };
  });

  beforeAll(async () => (database = await open()));
  afterAll(async () => database?.close());

  it('saves the issued set sealed (no token in the column), and a new process reuses it', async () => {
    const first = new OAuthTokenStore({ storage: sealedTokenStorage(database, sealer, account), refresh });
    expect(await first.accessToken()).toBe('access-secret-1');
    const raw = await rawRow(database);
    expect(raw).toContain(`"kid": "${sealer.currentKeyId}"`);
    expect(raw).not.toMatch(/secret/);

    const restarted = new OAuthTokenStore({ storage: sealedTokenStorage(database, sealer, account), refresh });
    expect(await restarted.tokenSet()).toMatchObject({ accessToken: 'access-secret-1', refreshToken: 'refresh-secret-1' });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('under another key the state is reported unreadable, naming the account and key id; nothing refreshed or overwritten', async () => {
    const before = await rawRow(database);
    const stranger = new CredentialSealer(randomBytes(32));
    const store = new OAuthTokenStore({ storage: sealedTokenStorage(database, stranger, account), refresh });
    const error = await store.accessToken().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CredentialUnreadableError);
    expect(isRetryable(error)).toBe(false);
    const reported = serializeSyncError(error);
    expect(reported.code).toBe('CREDENTIALS_UNREADABLE');
    expect(reported.message).toContain('xero account "tenant-7f2c"');
    expect(reported.message).toContain(`key id ${sealer.currentKeyId}`);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(await rawRow(database)).toBe(before);
  });

  it('state that opens but holds no token set is unreadable, not silently replaced', async () => {
    await saveCredentialState(database.db, sealer, account.integration, 'not-tokens', { note: 'something else' });
    const storage = sealedTokenStorage(database, sealer, { integration: account.integration, accountId: 'not-tokens' });
    await expect(new OAuthTokenStore({ storage, refresh }).accessToken()).rejects.toThrow(
      /xero account "not-tokens" are unreadable: it opens, but holds no token set/,
    );
    expect(refresh).toHaveBeenCalledTimes(1);
  });
}

describe('sealedTokenStorage on PGlite', () => {
  sealedTokenStorageSuite(() => openDatabase({ inMemory: true }));
});

describeWithPostgres('sealedTokenStorage on Postgres', (pg) => {
  sealedTokenStorageSuite(() => openDatabase({ databaseUrl: pg.url }));
});
