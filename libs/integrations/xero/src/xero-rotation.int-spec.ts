import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { startXeroSandbox, type XeroSandbox } from '@ops/api-sandbox';
import { CredentialSealer, type Database, openDatabase } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';
import { databaseExclusive, sealedTokenStorage } from '@ops/sync-core';

import { XeroConnection } from './auth/xero-connection';
import { XeroIdentityClient, type XeroTokenSet } from './auth/xero-identity.client';
import { xeroEndpoints } from './config/xero.config';

const ROOT = join(__dirname, '../../../..');
const children: ChildProcess[] = [];

function startChild(input: Record<string, unknown>): { child: ChildProcess; output: () => string; exited: Promise<NodeJS.Signals | number | null> } {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'test/connection-once.process.ts'), JSON.stringify(input)],
    { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.ts-node.json') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  for (const deadline = Date.now() + ms; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sha = (token: string) => createHash('sha256').update(token).digest('hex');

describeWithPostgres('Xero refresh-token rotation across processes (Postgres)', (pg) => {
  let clockOffset = 0;
  let sandbox: XeroSandbox;
  let database: Database;
  const key = randomBytes(32);
  const sealer = new CredentialSealer(key);
  const storage = () => sealedTokenStorage<XeroTokenSet>(database, sealer, { integration: 'xero', accountId: 'connection' });
  const input = (hangOnSave: boolean) => ({
    databaseUrl: pg.url,
    key: key.toString('base64'),
    endpoint: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    hangOnSave,
  });
  const refreshes = () => sandbox.requests.filter((r) => r.path === '/connect/token' && r.grantType === 'refresh_token');

  beforeAll(async () => {
    sandbox = await startXeroSandbox({ now: () => Date.now() + clockOffset });
    database = await openDatabase({ databaseUrl: pg.url });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database?.close();
    await sandbox?.close();
  });

  it('a process killed between Xero rotating the token and saving it: the next start recovers within the grace', async () => {
    const spent = sandbox.issueRefreshToken();
    await storage().save({ accessToken: 'expired-access', expiresAt: 0, refreshToken: spent });
    const before = refreshes().length;

    const killed = startChild(input(true));
    await until(() => killed.output().includes('ISSUED_NOT_SAVED'), 'the child to be issued a token');
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBe('SIGKILL');
    // Xero rotated the token; the store still holds the spent one.
    expect(refreshes().slice(before).map((r) => r.status)).toEqual([200]);
    expect((await storage().load())?.refreshToken).toBe(spent);

    const next = startChild(input(false));
    expect(await next.exited).toBe(0);
    expect(next.output()).toMatch(/^TOKEN [0-9a-f]{64}$/m);
    // The spent token worked once more, inside its 30-minute grace; the store moved on.
    expect(refreshes().slice(before).map((r) => r.status)).toEqual([200, 200]);
    const stored = await storage().load();
    expect(stored?.refreshToken).not.toBe(spent);
    expect(next.output()).toContain(sha(stored?.accessToken ?? ''));

    // Without the grace the recovery would have been impossible: 31 minutes on, the spent token is dead,
    // while the saved chain still refreshes.
    clockOffset += 31 * 60_000;
    const identity = new XeroIdentityClient(xeroEndpoints(sandbox.url), sandbox);
    await expect(identity.refresh(spent)).rejects.toMatchObject({ code: 'reauthorization_required' });
    const connection = new XeroConnection({ grant: 'authorization_code' }, identity, storage(), { now: () => Date.now() + clockOffset });
    expect(await connection.accessToken()).toEqual(expect.any(String));
  }, 180_000);

  it('two processes refreshing at once take turns (advisory lock): one refresh, one token, no invalid_grant', async () => {
    await storage().save({ ...((await storage().load()) as XeroTokenSet), accessToken: 'expired-access', expiresAt: 0 });
    sandbox.addFault({ kind: 'slow', delayMs: 1500, path: '/connect/token', times: 2 });
    const before = refreshes().length;
    const [a, b] = [startChild(input(false)), startChild(input(false))];
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    const tokenOf = (output: string) => /^TOKEN ([0-9a-f]{64})$/m.exec(output)?.[1];
    expect(tokenOf(a.output())).toEqual(expect.any(String));
    expect(tokenOf(a.output())).toBe(tokenOf(b.output()));
    expect(refreshes().slice(before).map((r) => r.status)).toEqual([200]);
    sandbox.clearFaults();
  }, 180_000);

  it('without the lock the same two processes would both spend the token (the test can fail)', async () => {
    await storage().save({ ...((await storage().load()) as XeroTokenSet), accessToken: 'expired-access', expiresAt: 0 });
    sandbox.addFault({ kind: 'slow', delayMs: 300, path: '/connect/token', times: 2 });
    const before = refreshes().length;
    const identity = new XeroIdentityClient(xeroEndpoints(sandbox.url), sandbox);
    const unlocked = () => new XeroConnection({ grant: 'authorization_code' }, identity, storage());
    const locked = () => new XeroConnection({ grant: 'authorization_code' }, identity, storage(), { exclusive: databaseExclusive(database, 'oauth:xero:connection') });
    await Promise.all([unlocked().accessToken(), unlocked().accessToken()]);
    expect(refreshes().slice(before)).toHaveLength(2);
    await storage().save({ ...((await storage().load()) as XeroTokenSet), accessToken: 'expired-access', expiresAt: 0 });
    const lockedBefore = refreshes().length;
    await Promise.all([locked().accessToken(), locked().accessToken()]);
    expect(refreshes().slice(lockedBefore)).toHaveLength(1);
    sandbox.clearFaults();
  }, 60_000);
});
