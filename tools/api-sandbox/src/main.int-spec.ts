import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';

import { SUPPORTED_API_VERSIONS } from './shopify/http/api-versions';
import type { SandboxManifest } from './systems/sandbox-systems';

const ROOT = join(__dirname, '../../..');
const SHOPS = 'cmd-uk.myshopify.com:GBP:20,cmd-us.myshopify.com:USD:30';
const LOCAL_URL = /^http:\/\/127\.0\.0\.1:\d+$/;

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | NodeJS.Signals | null>;
}

/** `npm run sandbox -- <args>` from the workspace root, exactly as a developer or script runs it. */
function runSandbox(args: string[]): Run {
  const child = spawn('npm', ['run', '--silent', 'sandbox', '--', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves with the first stdout line that starts with `{` (the manifest); rejects if the process exits first. */
async function manifestLine(run: Run, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.exited.then(() => (exited = true));
  for (;;) {
    const line = run.stdout().split('\n').find((l) => l.startsWith('{') && l.endsWith('}'));
    if (line) return line;
    if (exited || Date.now() > deadline) throw new Error(`no manifest line; stdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });

describe('npm run sandbox', () => {
  let run: Run;
  let manifest: SandboxManifest;

  beforeAll(async () => {
    run = runSandbox(['--port=0', `--shops=${SHOPS}`, '--rate-limits=off']);
    manifest = JSON.parse(await manifestLine(run)) as SandboxManifest;
  });
  afterAll(async () => {
    // After a failed test: npm forwards SIGTERM to the sandbox (a SIGKILL would orphan it).
    if (run.child.exitCode !== null || run.child.signalCode !== null) return;
    run.child.kill('SIGTERM');
    await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  });

  it('prints the manifest as one JSON line, the last line of its start-up output', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = run.stdout().trimEnd().split('\n');
    expect(JSON.parse(lines[lines.length - 1] ?? '')).toEqual(manifest);
    expect(lines.slice(0, -1).join('\n')).toMatch(/SANDBOX DATA[\s\S]*cmd-uk\.myshopify\.com[\s\S]*ready in \d+ ms/);
    expect(manifest).toEqual({
      shopify: {
        shops: ['cmd-uk.myshopify.com:GBP', 'cmd-us.myshopify.com:USD'].map((spec) => ({
          domain: spec.split(':')[0],
          currency: spec.split(':')[1],
          timeZone: spec.endsWith('GBP') ? 'Europe/London' : 'America/New_York',
          url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
          accessToken: expect.stringMatching(/^shpat_/),
          clientId: expect.any(String),
          clientSecret: expect.any(String),
        })),
      },
      xero: {
        endpoint: expect.stringMatching(LOCAL_URL),
        clientId: expect.any(String),
        clientSecret: expect.any(String),
        refreshToken: expect.any(String),
        tenants: expect.arrayContaining([expect.objectContaining({ tenantId: expect.any(String), name: expect.any(String) })]),
      },
      amazon: {
        endpoint: expect.stringMatching(LOCAL_URL),
        region: 'eu',
        marketplaces: [
          { id: 'A1F83G8C2ARO7P', currency: 'GBP' },
          { id: 'A1PA6795UKMFR9', currency: 'EUR' },
        ],
        clientId: expect.any(String),
        clientSecret: expect.any(String),
        refreshToken: expect.stringMatching(/^Atzr\|/),
        usagePlans: expect.objectContaining({ searchOrders: expect.any(Object) }),
      },
      unleashed: {
        endpoint: expect.stringMatching(LOCAL_URL),
        apiId: expect.any(String),
        apiKey: expect.any(String),
        changesUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_sandbox\/changes$/),
      },
    });
    // --port=0: every server on its own free port.
    const urls = [...manifest.shopify.shops.map((s) => s.url), manifest.xero.endpoint, manifest.amazon.endpoint, manifest.unleashed.endpoint];
    expect(new Set(urls).size).toBe(urls.length);
    expect(new Set(manifest.shopify.shops.map((s) => s.url)).size).toBe(2);
  });

  it('serves GraphQL to the printed url and token, and grants a token to the printed client credentials', async () => {
    const uk = manifest.shopify.shops[0];
    if (!uk) throw new Error('no shop in the manifest');
    const graphql = `${uk.url}/admin/api/${SUPPORTED_API_VERSIONS[1]}/graphql.json`;
    const query = { query: '{ shop { name currencyCode } }' };

    const withStatic = await post(graphql, query, { 'X-Shopify-Access-Token': uk.accessToken });
    expect(withStatic.status).toBe(200);
    expect(await withStatic.json()).toMatchObject({ data: { shop: { name: 'Sandbox cmd-uk', currencyCode: 'GBP' } } });

    const grant = await post(`${uk.url}/admin/oauth/access_token`, { client_id: uk.clientId, client_secret: uk.clientSecret, grant_type: 'client_credentials' });
    expect(grant.status).toBe(200);
    const { access_token } = (await grant.json()) as { access_token: string };
    expect(access_token).toMatch(/^shpca_/);
    const withGranted = await post(graphql, query, { 'X-Shopify-Access-Token': access_token });
    expect(await withGranted.json()).toMatchObject({ data: { shop: { currencyCode: 'GBP' } } });
  });

  it("accepts the printed credentials of Xero, Amazon and Unleashed on their own paths", async () => {
    const { xero, amazon, unleashed } = manifest;
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const xeroToken = await fetch(`${xero.endpoint}/connect/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${xero.clientId}:${xero.clientSecret}`).toString('base64')}`,
      },
      body: form({ grant_type: 'refresh_token', refresh_token: xero.refreshToken }),
    });
    expect(xeroToken.status).toBe(200);
    expect(await xeroToken.json()).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: 1800 });

    const lwa = await fetch(`${amazon.endpoint}/auth/o2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form({ grant_type: 'refresh_token', refresh_token: amazon.refreshToken, client_id: amazon.clientId, client_secret: amazon.clientSecret }),
    });
    expect(lwa.status).toBe(200);
    expect(await lwa.json()).toMatchObject({ access_token: expect.stringMatching(/^Atza\|/), expires_in: 3600 });

    const query = 'pageSize=1';
    const signature = createHmac('sha256', unleashed.apiKey).update(query).digest('base64');
    const headers = { Accept: 'application/json', 'api-auth-id': unleashed.apiId, 'client-type': 'ops/sandbox-check' };
    const signed = await fetch(`${unleashed.endpoint}/Products/1?${query}`, { headers: { ...headers, 'api-auth-signature': signature } });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ Pagination: { PageSize: 1, PageNumber: 1 } });
    const forged = await fetch(`${unleashed.endpoint}/Products/1?${query}`, { headers: { ...headers, 'api-auth-signature': `x${signature}` } });
    expect(forged.status).toBe(403);
  });

  it('closes every server and exits 0 on SIGTERM', async () => {
    const { url } = manifest.shopify.shops[1] ?? { url: '' };
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    await expect(fetch(url, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  });
});

it('exits 1 naming a bad option, before anything listens', async () => {
  const run = runSandbox(['--port=0', '--shops=bad.myshopify.com:XYZ']);
  expect(await run.exited).toBe(1);
  expect(run.stderr()).toMatch(/shops: .*currency must be one of/);
  expect(run.stdout()).not.toMatch(/^\{/m);
});
