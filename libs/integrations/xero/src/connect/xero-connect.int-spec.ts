import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startXeroSandbox, type XeroSandbox } from '@ops/api-sandbox';
import { CredentialSealer, type Database, getCredentialState, openDatabase } from '@ops/store';
import { scanFiles, scanText, secretNeedles } from '@ops/store/testing';

import { readXeroConfig } from '../config/xero.config';
import { startXeroHarness } from '../test/xero-harness';
import { xeroWorker } from '../xero.worker';

describe('connect -- xero (authorization code with PKCE), the test playing the browser', () => {
  let sandbox: XeroSandbox;
  let database: Database;
  const sealer = new CredentialSealer(randomBytes(32));
  const dataDir = join(mkdtempSync(join(tmpdir(), 'xero-connect-')), 'pglite');
  beforeAll(async () => {
    sandbox = await startXeroSandbox();
    database = await openDatabase({ dataDir });
  });
  afterAll(async () => {
    await database?.close();
    await sandbox?.close();
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('prints the consent URL, takes the redirect, stores the tokens sealed, and the worker then syncs every tenant', async () => {
    const env = { XERO_CLIENT_ID: sandbox.clientId, XERO_CLIENT_SECRET: sandbox.clientSecret, XERO_ENDPOINT: sandbox.url, XERO_REDIRECT_URI: 'http://127.0.0.1:0/callback' };
    const config = readXeroConfig(env);
    if (!config) throw new Error('not configured');
    const lines: string[] = [];
    const connecting = xeroWorker.connect?.(config, { database, sealer, shutdownSignal: new AbortController().signal }, { print: (line) => lines.push(line), signal: new AbortController().signal });

    // The browser: open the printed URL, follow Xero's redirect to the loopback address.
    for (let i = 0; i < 200 && !lines.some((l) => l.includes('/identity/connect/authorize?')); i++) await new Promise((r) => setTimeout(r, 25));
    const consent = new URL(lines.find((l) => l.includes('/identity/connect/authorize?')) ?? '');
    expect(Object.fromEntries(consent.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: sandbox.clientId,
      scope: 'offline_access accounting.reports.balancesheet.read accounting.settings.read',
      code_challenge_method: 'S256',
    });
    const approval = await fetch(consent, { redirect: 'manual' });
    expect(approval.status).toBe(302);
    const callback = approval.headers.get('location') ?? '';
    const page = await fetch(callback);
    expect(await page.text()).toContain('Xero is connected');
    await connecting;

    expect(lines.filter((l) => l.startsWith('  '))).toEqual(sandbox.tenants.map((t) => `  ${t.tenantId}  ${t.name}`));
    const exchange = sandbox.requests.filter((r) => r.grantType === 'authorization_code');
    expect(exchange.map((r) => r.status)).toEqual([200]);
    const stored = await getCredentialState(database.db, sealer, 'xero', 'connection');
    expect(stored?.['refreshToken']).toEqual(expect.any(String));
    const code = new URL(callback).searchParams.get('code') ?? '';
    const needles = secretNeedles({ code: [code], 'access token': [String(stored?.['accessToken'])], 'refresh token': [String(stored?.['refreshToken'])], 'client secret': [sandbox.clientSecret] });
    expect(scanText(lines.join('\n'), needles)).toEqual([]);

    // The worker uses the stored connection: no XERO_REFRESH_TOKEN anywhere.
    const harness = await startXeroHarness(database, { sandbox, sealer, env: { XERO_REFRESH_TOKEN: '' } });
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded', counters: { tenants: sandbox.tenants.length } });
  });

  it('a redirect with another state is refused and the stored connection is left as it was', async () => {
    const config = readXeroConfig({ XERO_CLIENT_ID: sandbox.clientId, XERO_CLIENT_SECRET: sandbox.clientSecret, XERO_ENDPOINT: sandbox.url, XERO_REDIRECT_URI: 'http://127.0.0.1:0/callback' });
    if (!config) throw new Error('not configured');
    const before = await getCredentialState(database.db, sealer, 'xero', 'connection');
    const lines: string[] = [];
    const outcome = xeroWorker
      .connect?.(config, { database, sealer, shutdownSignal: new AbortController().signal }, { print: (l) => lines.push(l), signal: new AbortController().signal })
      .then(() => 'connected', (error: Error) => error.message);
    for (let i = 0; i < 200 && !lines.some((l) => l.startsWith('Waiting')); i++) await new Promise((r) => setTimeout(r, 25));
    const redirectUri = /redirect to (\S+) /.exec(lines.find((l) => l.startsWith('Waiting')) ?? '')?.[1] ?? '';
    await fetch(`${redirectUri}?code=forged&state=not-ours`);
    expect(await outcome).toMatch(/different state/);
    expect(await getCredentialState(database.db, sealer, 'xero', 'connection')).toEqual(before);
  });

  it('the database files hold no token, code or client secret (read raw, byte by byte)', async () => {
    await database.close();
    // Every token the sandbox issues starts with these prefixes; the secret and the seed are known.
    const needles = secretNeedles({ 'access token': ['sbx_at_'], 'refresh token': ['sbx_rt_', sandbox.refreshToken], 'client secret': [sandbox.clientSecret] });
    const scan = scanFiles(dataDir, needles);
    expect(scan.found).toEqual([]);
    // Not vacuous: plain data the syncs stored is found by the same scan.
    expect(scanFiles(dataDir, [{ label: 'tenant name', bytes: Buffer.from(sandbox.tenants[0].name) }]).found.length).toBeGreaterThan(0);
    database = await openDatabase({ dataDir });
  });
});
