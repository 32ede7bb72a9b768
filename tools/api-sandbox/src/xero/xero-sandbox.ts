import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { parseFormOrJson, readBody } from '../common/http';
import { stableHex } from '../common/prng';
import { expectedWorkingCapital } from './xero-expected';
import { type AccountKey, createTenant, DEFAULT_XERO_TENANTS, type XeroTenant } from './xero-ledger';
import { XERO_LIMITS, XeroLimits } from './xero-limits';
import { XeroOAuth } from './xero-oauth';
import { accountsResponse, balanceSheetReport, organisationResponse } from './xero-reports';
import type { XeroFaultRule, XeroRequestLogEntry, XeroSandbox, XeroSandboxOptions } from './xero-sandbox.types';

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  tenantId?: string;
  grantType?: string;
  /** Ends the call's slot in the tenant's concurrency limit. */
  release?: () => void;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

const problem = (status: number, title: string, detail: string): Reply =>
  json(status, { Type: null, Title: title, Status: status, Detail: detail, Instance: stableHex(status, 12) }, status === 401 ? { 'WWW-Authenticate': 'Bearer error=invalid_token' } : {});

/**
 * Starts the Xero emulator: identity (authorize, token, revocation), `/connections` and the
 * accounting endpoints the worker reads, for several tenants with different balance-sheet layouts
 * and base currencies. Every figure is seeded sandbox data.
 */
export async function startXeroSandbox(options: XeroSandboxOptions = {}): Promise<XeroSandbox> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 9;
  const tenants: XeroTenant[] = (options.tenants ?? DEFAULT_XERO_TENANTS).map((spec) => createTenant(spec, seed));
  const byId = new Map(tenants.map((t) => [t.tenantId, t]));
  const oauth = new XeroOAuth(`SANDBOX${stableHex(seed * 7 + 1, 24).toUpperCase()}`, `sandbox_secret_${stableHex(seed * 7 + 2, 32)}`, seed, now);
  const limits = new XeroLimits({ ...XERO_LIMITS, ...options.limits }, now);
  const faults: XeroFaultRule[] = [...(options.faults ?? [])];
  const requests: XeroRequestLogEntry[] = [];
  const allTenantIds = tenants.map((t) => t.tenantId);
  const { refreshToken } = oauth.issueGrant(allTenantIds);

  const takeFault = (path: string, tenantId: string | undefined): XeroFaultRule | undefined => {
    const index = faults.findIndex(
      (f) => (!f.path || path.toLowerCase().includes(f.path.toLowerCase())) && (!f.tenantId || f.tenantId === tenantId),
    );
    if (index < 0) return undefined;
    const rule = faults[index];
    if (rule.times !== undefined && --rule.times <= 0) faults.splice(index, 1);
    return rule;
  };

  const handle = async (req: IncomingMessage, url: URL): Promise<Reply> => {
    const path = url.pathname.replace(/\/+$/, '');
    const lower = path.toLowerCase();
    const tenantId = header(req, 'xero-tenant-id');
    const fault = takeFault(path, tenantId);
    if (fault?.kind === 'status') return { ...problem(fault.status, fault.status >= 500 ? 'Service Unavailable' : 'Error', 'sandbox fault'), tenantId };
    if (fault?.kind === 'rate-limit') {
      return { status: 429, tenantId, headers: { 'Retry-After': String(fault.retryAfterSeconds), 'X-Rate-Limit-Problem': fault.problem }, body: '' };
    }
    const slow = fault?.kind === 'slow' ? () => new Promise((r) => setTimeout(r, fault.delayMs)) : async () => undefined;
    // On accounting calls the delay is spent holding a concurrency slot, as a slow answer would.
    if (!lower.startsWith('/api.xro/')) await slow();

    if (req.method === 'GET' && lower === '/identity/connect/authorize') {
      const redirect = url.searchParams.get('redirect_uri');
      if (!redirect) return json(400, { error: 'invalid_request' });
      const answer = oauth.authorize(url.searchParams, allTenantIds);
      const target = new URL(redirect);
      if ('code' in answer) target.searchParams.set('code', answer.code);
      else target.searchParams.set('error', answer.error);
      const state = url.searchParams.get('state');
      if (state) target.searchParams.set('state', state);
      return { status: 302, headers: { Location: target.toString() } };
    }
    if (req.method === 'POST' && lower === '/connect/token') {
      const body = parseFormOrJson(await readBody(req), req.headers['content-type']);
      const grantType = body['grant_type'];
      if (!oauth.checkClient(req.headers.authorization, body)) return { ...json(401, { error: 'invalid_client' }), grantType };
      if (fault?.kind === 'malformed') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"access_token": "trunc', grantType };
      const answer = oauth.token(body, allTenantIds);
      return { ...json(answer.status, answer.body, { 'Cache-Control': 'no-store' }), grantType };
    }
    if (req.method === 'POST' && lower === '/sandbox/adjust-balance') {
      // Sandbox control, not a Xero path: moves one account's balance, e.g. for a demo or an acceptance run.
      const body = parseFormOrJson(await readBody(req), req.headers['content-type']);
      const tenant = byId.get(body['tenantId'] ?? '');
      if (!tenant || !/^-?\d+(\.\d{1,2})?$/.test(body['delta'] ?? '') || !tenant.accounts.some((a) => a.key === body['account'])) {
        return json(400, { error: 'give tenantId, account (bank1, ar, inventory, ap, ...) and delta (e.g. 125.00)' });
      }
      adjust(tenant, body['account'] as AccountKey, body['delta'] ?? '0');
      return json(200, expectedWorkingCapital(tenant));
    }
    if (req.method === 'POST' && lower === '/connect/revocation') {
      oauth.revokeAll();
      return { status: 200, body: '' };
    }

    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : '';
    const grant = oauth.grantOf(bearer);
    if (req.method === 'GET' && lower === '/connections') {
      if (!grant) return problem(401, 'Unauthorized', 'AuthenticationUnsuccessful');
      return json(
        200,
        grant.tenantIds.map((id) => ({
          id: stableHex(id.length + id.charCodeAt(0), 8) + id.slice(8),
          authEventId: grant.authEventId,
          tenantId: id,
          tenantType: 'ORGANISATION',
          tenantName: byId.get(id)?.name,
          createdDateUtc: '2026-01-05T09:12:55.1234560',
          updatedDateUtc: '2026-01-05T09:12:55.1301230',
        })),
      );
    }
    if (req.method !== 'GET' || !lower.startsWith('/api.xro/2.0/')) return json(404, { Title: 'Not Found', Status: 404 });
    if (!grant) return problem(401, 'Unauthorized', 'AuthenticationUnsuccessful');
    const tenant = tenantId ? byId.get(tenantId) : undefined;
    if (!tenant || !grant.tenantIds.includes(tenant.tenantId)) return problem(403, 'Forbidden', 'AuthenticationUnsuccessful');
    const verdict = limits.admit(tenant.tenantId);
    if (!verdict.ok) {
      return { status: 429, tenantId, headers: { ...verdict.headers, 'Retry-After': String(verdict.retryAfterSeconds), 'X-Rate-Limit-Problem': verdict.problem }, body: '' };
    }
    await slow();
    const reply = (value: Record<string, unknown>): Reply => {
      if (!(req.headers.accept ?? '').includes('application/json')) {
        return { status: 200, headers: { ...verdict.headers, 'Content-Type': 'text/xml' }, body: '<Response><Status>OK</Status></Response>' };
      }
      if (fault?.kind === 'malformed') return { status: 200, headers: { ...verdict.headers, 'Content-Type': 'application/json' }, body: JSON.stringify(value).slice(0, 40) };
      return json(200, value, verdict.headers);
    };
    const date = new Date(now());
    const resource = lower.slice('/api.xro/2.0/'.length);
    const answer =
      resource === 'organisation'
        ? reply(organisationResponse(tenant, date))
        : resource === 'accounts'
          ? reply(accountsResponse(tenant, date))
          : resource === 'reports/balancesheet'
            ? reply(withFault(balanceSheetReport(tenant, url.searchParams.get('date') ?? date.toISOString().slice(0, 10), date), fault))
            : json(404, { Title: 'Not Found', Status: 404 }, verdict.headers);
    return { ...answer, tenantId, release: verdict.release };
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    void handle(req, url)
      .catch((error: Error): Reply => json(500, { Title: 'Internal Server Error', Status: 500, Detail: error.message }))
      .then((answer) => {
        answer.release?.();
        requests.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          status: answer.status,
          ...(answer.tenantId ? { tenantId: answer.tenantId } : {}),
          ...(answer.grantType ? { grantType: answer.grantType } : {}),
        });
        res.writeHead(answer.status, { 'X-Sandbox': 'xero', ...answer.headers });
        res.end(answer.body ?? '');
      });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  const tenantOf = (tenantId: string) => {
    const tenant = byId.get(tenantId);
    if (!tenant) throw new Error(`no sandbox tenant ${tenantId}`);
    return tenant;
  };
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    refreshToken,
    tenants: tenants.map(({ tenantId, name, currency, layout }) => ({ tenantId, name, currency, layout })),
    requests,
    expected: (tenantId) => expectedWorkingCapital(tenantOf(tenantId)),
    adjustBalance: (tenantId, account: AccountKey, delta) => adjust(tenantOf(tenantId), account, delta),
    addFault: (rule) => void faults.push({ ...rule }),
    clearFaults: () => void faults.splice(0),
    revokeAll: () => oauth.revokeAll(),
    issueRefreshToken: () => oauth.issueGrant(allTenantIds).refreshToken,
    peakInFlight: (tenantId) => limits.peakInFlight(tenantId),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Moves one balance by a decimal string of at most two places; Current Year Earnings keeps the sheet balanced. */
function adjust(tenant: XeroTenant, account: AccountKey, delta: string): void {
  const [whole, fraction = ''] = delta.replace('-', '').split('.');
  const units = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  tenant.balances.set(account, (tenant.balances.get(account) ?? 0n) + (delta.startsWith('-') ? -units : units));
}

/** Applies the `unreconciled` fault: the first section with account lines loses its first line. */
function withFault(report: Record<string, unknown>, fault: XeroFaultRule | undefined): Record<string, unknown> {
  if (fault?.kind !== 'unreconciled') return report;
  const sections = (report['Reports'] as { Rows: { Rows?: { RowType: string }[] }[] }[])[0].Rows;
  const section = sections.find((s) => s.Rows?.some((r) => r.RowType === 'Row'));
  if (section?.Rows) section.Rows.splice(section.Rows.findIndex((r) => r.RowType === 'Row'), 1);
  return report;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
