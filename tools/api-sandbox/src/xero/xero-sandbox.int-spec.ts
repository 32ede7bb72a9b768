import { createHash } from 'node:crypto';

import { startXeroSandbox } from './xero-sandbox';
import type { XeroSandbox } from './xero-sandbox.types';

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

describe('Xero sandbox', () => {
  let clock = Date.UTC(2026, 10, 30, 12);
  let sandbox: XeroSandbox;
  beforeAll(async () => {
    sandbox = await startXeroSandbox({ now: () => clock, limits: { perMinute: 60 } });
  });
  afterAll(() => sandbox.close());

  const basic = () => `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`;
  const token = (body: Record<string, string>) =>
    fetch(`${sandbox.url}/connect/token`, { method: 'POST', headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' }, body: form(body) });
  const refresh = async (refreshToken: string) => {
    const response = await token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const api = (path: string, accessToken: string, tenantId?: string, accept = 'application/json') =>
    fetch(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${accessToken}`, accept, ...(tenantId ? { 'xero-tenant-id': tenantId } : {}) } });

  it('rotates refresh tokens; a spent one works within 30 minutes, then invalid_grant', async () => {
    const first = await refresh(sandbox.issueRefreshToken());
    expect(first.status).toBe(200);
    expect(first.body['expires_in']).toBe(1800);
    const second = await refresh(first.body['refresh_token']);
    expect(second.body['refresh_token']).not.toBe(first.body['refresh_token']);
    clock += 29 * 60_000;
    expect((await refresh(first.body['refresh_token'])).status).toBe(200);
    clock += 2 * 60_000;
    expect(await refresh(first.body['refresh_token'])).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect((await refresh(second.body['refresh_token'])).status).toBe(200);
  });

  it('authorize checks PKCE and redirects with a code the token endpoint exchanges once', async () => {
    const verifier = 'v'.repeat(64);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const query = new URLSearchParams({
      response_type: 'code', client_id: sandbox.clientId, redirect_uri: 'http://127.0.0.1:5599/callback',
      scope: 'offline_access accounting.settings.read', state: 's1', code_challenge: challenge, code_challenge_method: 'S256',
    });
    const answer = await fetch(`${sandbox.url}/identity/connect/authorize?${query}`, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code') ?? '';
    const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:5599/callback', code_verifier: 'w'.repeat(64) });
    expect(wrong.status).toBe(400);
    const exchange = await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:5599/callback', code_verifier: verifier });
    // The failed attempt did not spend the code.
    expect(exchange.status).toBe(200);
    const tokens = (await exchange.json()) as Record<string, string>;
    expect(tokens['refresh_token']).toEqual(expect.any(String));
    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:5599/callback', code_verifier: verifier });
    expect(again.status).toBe(400);
    const connections = (await (await api('/connections', tokens['access_token'])).json()) as { tenantId: string; tenantName: string }[];
    expect(connections.map((c) => c.tenantName)).toEqual(sandbox.tenants.map((t) => t.name));
  });

  it('serves each tenant its balance sheet; the Bank and current sections add up to the ledger', async () => {
    const { body } = await refresh(sandbox.issueRefreshToken());
    for (const tenant of sandbox.tenants) {
      const response = await api('/api.xro/2.0/Reports/BalanceSheet?date=2026-11-30&standardLayout=true', body['access_token'], tenant.tenantId);
      expect(response.headers.get('x-minlimit-remaining')).toEqual(expect.stringMatching(/^\d+$/));
      const report = (await response.json()) as { Reports: { Rows: { Title?: string; Rows?: { RowType: string; Cells: { Value: string }[] }[] }[] }[] };
      const rows = report.Reports[0].Rows;
      // Sum the current-asset totals by position in this sandbox's known layouts (a check on the sandbox, not the parser).
      const totals = rows.flatMap((s) => (s.Rows ?? []).filter((r) => r.RowType === 'SummaryRow').map((r) => [s.Title, r.Cells[1].Value] as const));
      const currentTitles = ['Bank', 'Current Assets', 'Inventory', 'Encaisse', 'Actifs à court terme'];
      const cents = totals.filter(([title]) => currentTitles.includes(title ?? '')).reduce((sum, [, v]) => sum + BigInt(v.replace('.', '')), 0n);
      expect(`${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`).toBe(sandbox.expected(tenant.tenantId).currentAssets);
      const organisation = (await (await api('/api.xro/2.0/Organisation', body['access_token'], tenant.tenantId)).json()) as { Organisations: { BaseCurrency: string }[] };
      expect(organisation.Organisations[0].BaseCurrency).toBe(tenant.currency);
    }
    expect((await api('/api.xro/2.0/Accounts', body['access_token'])).status).toBe(403);
    expect((await api('/api.xro/2.0/Accounts', 'nope', sandbox.tenants[0].tenantId)).status).toBe(401);
    expect((await api('/api.xro/2.0/Accounts', body['access_token'], sandbox.tenants[0].tenantId, 'text/xml')).headers.get('content-type')).toBe('text/xml');
  });

  it('answers 429 with Retry-After and X-Rate-Limit-Problem past 60 calls a minute, per tenant', async () => {
    const limited = await startXeroSandbox({ now: () => clock, limits: { perMinute: 3, perDay: 5 } });
    try {
      const { body } = await (await fetch(`${limited.url}/connect/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${limited.clientId}:${limited.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ grant_type: 'refresh_token', refresh_token: limited.refreshToken }),
      })).json().then((b) => ({ body: b as Record<string, string> }));
      const call = () => fetch(`${limited.url}/api.xro/2.0/Accounts`, { headers: { authorization: `Bearer ${body['access_token']}`, accept: 'application/json', 'xero-tenant-id': limited.tenants[0].tenantId } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call();
      expect([refused.headers.get('x-rate-limit-problem'), refused.headers.get('retry-after')]).toEqual(['minute', '60']);
      clock += 61_000;
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const day = await call();
      expect([day.status, day.headers.get('x-rate-limit-problem')]).toEqual([429, 'day']);
    } finally {
      await limited.close();
    }
  });

  it('applies faults and revocation', async () => {
    const { body } = await refresh(sandbox.issueRefreshToken());
    sandbox.addFault({ kind: 'status', status: 503, path: 'Organisation', times: 1 });
    const tenantId = sandbox.tenants[1].tenantId;
    expect((await api('/api.xro/2.0/Organisation', body['access_token'], tenantId)).status).toBe(503);
    expect((await api('/api.xro/2.0/Organisation', body['access_token'], tenantId)).status).toBe(200);
    sandbox.revokeAll();
    expect((await api('/api.xro/2.0/Organisation', body['access_token'], tenantId)).status).toBe(401);
    expect((await refresh(body['refresh_token'])).body).toEqual({ error: 'invalid_grant' });
  });
});
