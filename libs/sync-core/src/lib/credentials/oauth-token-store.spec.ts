import { OAuthTokenStore, type TokenSet, type TokenSetStorage } from './oauth-token-store';

const MINUTE = 60_000;

/** Storage that records every save and can be told to fail the next ones. */
class RecordingStorage implements TokenSetStorage {
  readonly saves: TokenSet[] = [];
  failSaves = 0;
  loads = 0;
  constructor(public saved?: TokenSet) {}
  async load() {
    this.loads += 1;
    return this.saved;
  }
  async save(tokens: TokenSet) {
    await Promise.resolve();
    if (this.failSaves > 0) {
      this.failSaves -= 1;
      throw new Error('database unavailable');
    }
    this.saves.push(tokens);
    this.saved = tokens;
  }
}

/** A Xero-like grant: 30-minute access tokens, and a new refresh token on every refresh. */
function rotatingGrant(now: () => number) {
  const calls: Array<TokenSet | undefined> = [];
  let issued = 0;
  const refresh = async (current: TokenSet | undefined): Promise<TokenSet> => {
    calls.push(current);
    await new Promise((resolve) => setTimeout(resolve, 5));
    issued += 1;
    return { accessToken: `access-${issued}`, refreshToken: `refresh-${issued}`, expiresAt: now() + 30 * MINUTE };
  };
  return { refresh, calls };
}

describe('OAuthTokenStore', () => {
  let now = Date.parse('2026-11-26T09:00:00Z');
  const clock = () => now;

  it('concurrent callers share one refresh, and all get the saved token', async () => {
    const storage = new RecordingStorage();
    const grant = rotatingGrant(clock);
    const store = new OAuthTokenStore({ storage, refresh: grant.refresh, now: clock });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => store.accessToken()));
    expect(new Set(tokens)).toEqual(new Set(['access-1']));
    expect(grant.calls).toHaveLength(1);
    expect(storage.saves).toHaveLength(1);
    expect(await store.accessToken()).toBe('access-1');
    expect(grant.calls).toHaveLength(1);
  });

  it('refreshes within the margin with the current refresh token, and saves the rotated one before use', async () => {
    const storage = new RecordingStorage();
    const grant = rotatingGrant(clock);
    const store = new OAuthTokenStore({ storage, refresh: grant.refresh, renewWithinMs: 5 * MINUTE, now: clock });
    await store.accessToken();
    now += 24 * MINUTE; // 6 minutes left: still fresh
    expect(await store.accessToken()).toBe('access-1');
    now += 2 * MINUTE; // 4 minutes left: renew
    const results = await Promise.all([store.tokenSet(), store.tokenSet()]);
    expect(results.map((t) => t.refreshToken)).toEqual(['refresh-2', 'refresh-2']);
    expect(grant.calls.map((c) => c?.refreshToken)).toEqual([undefined, 'refresh-1']);
    expect(storage.saved).toEqual(results[0]);
    expect(storage.saves.map((t) => t.refreshToken)).toEqual(['refresh-1', 'refresh-2']);
  });

  it('no caller gets a new token until its save has finished', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const storage = new RecordingStorage();
    const save = storage.save.bind(storage);
    storage.save = async (tokens) => {
      await gate;
      await save(tokens);
    };
    const grant = rotatingGrant(clock);
    const store = new OAuthTokenStore({ storage, refresh: grant.refresh, now: clock });
    const seen: string[] = [];
    const pending = Promise.all([store.accessToken(), store.accessToken()]).then((tokens) => seen.push(...tokens));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(grant.calls).toHaveLength(1);
    expect(seen).toEqual([]);
    release();
    await pending;
    expect(seen).toEqual(['access-1', 'access-1']);
    expect(storage.saves).toHaveLength(1);
  });

  it('a save that fails reaches every waiting caller instead of the token, and the next call saves that same set', async () => {
    const storage = new RecordingStorage();
    const grant = rotatingGrant(clock);
    const store = new OAuthTokenStore({ storage, refresh: grant.refresh, now: clock });
    storage.failSaves = 1;
    const outcomes = await Promise.allSettled([store.accessToken(), store.accessToken(), store.accessToken()]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(Array(3).fill('database unavailable'));
    expect(storage.saved).toBeUndefined();

    // The issued set is not thrown away (its refresh token may be the only valid one now): saved first, then used.
    expect(await store.accessToken()).toBe('access-1');
    expect(grant.calls).toHaveLength(1);
    expect(storage.saves.map((t) => t.refreshToken)).toEqual(['refresh-1']);
  });

  it('an unsaved set that expired meanwhile is saved, then refreshed from its own refresh token', async () => {
    const storage = new RecordingStorage();
    const grant = rotatingGrant(clock);
    const store = new OAuthTokenStore({ storage, refresh: grant.refresh, now: clock });
    storage.failSaves = 1;
    await expect(store.accessToken()).rejects.toThrow('database unavailable');
    now += 40 * MINUTE;
    expect(await store.accessToken()).toBe('access-2');
    expect(grant.calls.map((c) => c?.refreshToken)).toEqual([undefined, 'refresh-1']);
    expect(storage.saves.map((t) => t.refreshToken)).toEqual(['refresh-1', 'refresh-2']);
  });

  it('reuses a set saved by an earlier process, and re-reads storage before refreshing', async () => {
    const storage = new RecordingStorage({ accessToken: 'saved-access', refreshToken: 'saved-refresh', expiresAt: now + 20 * MINUTE });
    const grant = rotatingGrant(clock);
    const store = new OAuthTokenStore({ storage, refresh: grant.refresh, now: clock });
    expect(await store.accessToken()).toBe('saved-access');
    expect(grant.calls).toHaveLength(0);

    // Another process refreshed (and rotated) in the meantime: use its set, do not spend the stale refresh token.
    now += 18 * MINUTE;
    storage.saved = { accessToken: 'other-access', refreshToken: 'other-refresh', expiresAt: now + 30 * MINUTE };
    expect(await store.accessToken()).toBe('other-access');
    expect(grant.calls).toHaveLength(0);

    now += 28 * MINUTE;
    await store.accessToken();
    expect(grant.calls.map((c) => c?.refreshToken)).toEqual(['other-refresh']);
  });

  it('a failed refresh reaches the callers, saves nothing, and the next call tries again', async () => {
    const storage = new RecordingStorage();
    let attempts = 0;
    const store = new OAuthTokenStore({
      storage,
      now: clock,
      refresh: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('invalid_grant');
        return { accessToken: 'second-try', expiresAt: now + 30 * MINUTE };
      },
    });
    await expect(Promise.all([store.accessToken(), store.accessToken()])).rejects.toThrow('invalid_grant');
    expect(attempts).toBe(1);
    expect(storage.saves).toEqual([]);
    expect(await store.accessToken()).toBe('second-try');
  });

  it('an unreadable saved state reaches the caller and is never replaced by a new grant', async () => {
    const unreadable = new Error('stored credentials of xero account "tenant-1" are unreadable (key id 0123456789abcdef): ...');
    const storage: TokenSetStorage = {
      load: () => Promise.reject(unreadable),
      save: jest.fn(),
    };
    const refresh = jest.fn();
    const store = new OAuthTokenStore({ storage, refresh, now: clock });
    await expect(store.accessToken()).rejects.toBe(unreadable);
    await expect(store.accessToken()).rejects.toBe(unreadable);
    expect(refresh).not.toHaveBeenCalled();
    expect(storage.save).not.toHaveBeenCalled();
  });
});
