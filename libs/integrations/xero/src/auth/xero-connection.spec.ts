import type { TokenSetStorage } from '@ops/sync-core';

import { fingerprint, XeroConnection } from './xero-connection';
import { ReauthorizationRequiredError } from './xero-auth.errors';
import type { XeroIdentityClient, XeroTokenSet } from './xero-identity.client';

function memory(initial?: XeroTokenSet): TokenSetStorage<XeroTokenSet> & { saved?: XeroTokenSet } {
  const store: TokenSetStorage<XeroTokenSet> & { saved?: XeroTokenSet } = {
    saved: initial,
    load: async () => store.saved,
    save: async (tokens) => void (store.saved = tokens),
  };
  return store;
}

function identity() {
  const spent: string[] = [];
  let n = 0;
  const client = {
    refresh: jest.fn(async (refreshToken: string) => {
      spent.push(refreshToken);
      n++;
      return { accessToken: `at-${n}`, expiresAt: Date.now() + 1_800_000, refreshToken: `rt-${n}` };
    }),
    clientCredentials: jest.fn(async () => ({ accessToken: 'cc', expiresAt: Date.now() + 1_800_000 })),
  };
  return { client: client as unknown as XeroIdentityClient, spent };
}

describe('XeroConnection: where the refresh chain starts', () => {
  it('seeds from XERO_REFRESH_TOKEN when the store is empty, and remembers its fingerprint', async () => {
    const { client, spent } = identity();
    const storage = memory();
    const log: string[] = [];
    await new XeroConnection({ grant: 'authorization_code', seedRefreshToken: 'seed-1' }, client, storage, { log: (l) => log.push(l) }).accessToken();
    expect(spent).toEqual(['seed-1']);
    expect(storage.saved).toMatchObject({ refreshToken: 'rt-1', seedFingerprint: fingerprint('seed-1') });
    expect(log).toEqual([expect.stringContaining('seeding the Xero connection')]);
  });

  it('ignores the same seed once the store holds a newer token from it, and says so', async () => {
    const { client, spent } = identity();
    const storage = memory({ accessToken: 'old', expiresAt: 0, refreshToken: 'rt-stored', seedFingerprint: fingerprint('seed-1') });
    const log: string[] = [];
    await new XeroConnection({ grant: 'authorization_code', seedRefreshToken: 'seed-1' }, client, storage, { log: (l) => log.push(l) }).accessToken();
    expect(spent).toEqual(['rt-stored']);
    expect(log).toEqual(['XERO_REFRESH_TOKEN is ignored: the credential store holds a newer refresh token for this connection']);
  });

  it('says the seed is ignored even when no refresh is due', async () => {
    const { client, spent } = identity();
    const storage = memory({ accessToken: 'fresh', expiresAt: Date.now() + 1_800_000, refreshToken: 'rt-stored' });
    const log: string[] = [];
    expect(await new XeroConnection({ grant: 'authorization_code', seedRefreshToken: 'seed-1' }, client, storage, { log: (l) => log.push(l) }).accessToken()).toBe('fresh');
    expect(spent).toEqual([]);
    expect(log).toHaveLength(1);
  });

  it('a different seed than the stored chain grew from starts a new chain', async () => {
    const { client, spent } = identity();
    const storage = memory({ accessToken: 'old', expiresAt: 0, refreshToken: 'rt-stored', seedFingerprint: fingerprint('seed-1') });
    await new XeroConnection({ grant: 'authorization_code', seedRefreshToken: 'seed-2' }, client, storage).accessToken();
    expect(spent).toEqual(['seed-2']);
  });

  it('with nothing stored and no seed, the connection must be made first', async () => {
    const { client } = identity();
    await expect(new XeroConnection({ grant: 'authorization_code' }, client, memory()).accessToken()).rejects.toBeInstanceOf(ReauthorizationRequiredError);
  });

  it('Custom Connections use client credentials', async () => {
    const { client } = identity();
    expect(await new XeroConnection({ grant: 'client_credentials' }, client, memory()).accessToken()).toBe('cc');
  });
});
