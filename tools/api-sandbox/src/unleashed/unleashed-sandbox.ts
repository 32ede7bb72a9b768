import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { hashString, stableHex } from '../common/prng';
import { signatureMatches } from './unleashed-auth';
import { applyChangeBatch, buildUnleashedDataset, type ChangeBatch, type UnleashedDataset } from './unleashed-dataset';
import { expectedUnleashedFigures, type UnleashedExpected } from './unleashed-expected';
import { FaultBook, secondsUntilQuotaReset, type UnleashedFault } from './unleashed-faults';
import { assemblyJson, productJson, stockJson } from './unleashed-wire';

export interface UnleashedSandboxOptions {
  /** 0 (default) for a free port. */
  port?: number;
  host?: string;
  seed?: number;
  products?: number;
  assemblies?: number;
  /** Records were last modified during the 30 days before this; default now. */
  referenceDate?: string;
  faults?: UnleashedFault[];
  /** Clock for seeded changes and quota resets; default `Date.now`. */
  now?: () => number;
}

export interface UnleashedRequestLogEntry {
  resource: string;
  page: number;
  query: string;
  status: number;
  /** Every header the request carried, for tests that check what a client sends. */
  headers: Record<string, string>;
}

export interface UnleashedSandbox {
  /** Base URL serving Unleashed's paths (`/StockOnHand/1`, ...). */
  readonly url: string;
  readonly apiId: string;
  readonly apiKey: string;
  readonly dataset: UnleashedDataset;
  readonly requests: UnleashedRequestLogEntry[];
  /** Applies the next batch of seeded changes (as `POST /_sandbox/changes` does). */
  applyChanges(): ChangeBatch;
  /** The figures a correct sync reports, computed from the dataset, measured from `asOf`. */
  expected(asOf: Date): UnleashedExpected;
  setFaults(faults: UnleashedFault[]): void;
  close(): Promise<void>;
}

const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 200;
const WAREHOUSE_NAMES: Record<string, string> = { MAIN: 'Main Warehouse', EAST: 'East Warehouse' };

/** Starts the Unleashed API emulator: signed requests, paging, `modifiedSince`, seeded changes, faults. */
export async function startUnleashedSandbox(options: UnleashedSandboxOptions = {}): Promise<UnleashedSandbox> {
  const seed = options.seed ?? hashString('unleashed-sandbox');
  const now = options.now ?? Date.now;
  const dataset = buildUnleashedDataset({
    seed,
    products: options.products ?? 40,
    assemblies: options.assemblies ?? 30,
    referenceDate: new Date(options.referenceDate ?? now()),
  });
  const apiId = `${stableHex(seed + 1, 8)}-${stableHex(seed + 2, 4)}-4${stableHex(seed + 3, 3)}-8${stableHex(seed + 4, 3)}-${stableHex(seed + 5, 12)}`;
  const apiKey = Buffer.from(stableHex(seed + 6, 64), 'hex').toString('base64');
  const faults = new FaultBook(options.faults);
  const requests: UnleashedRequestLogEntry[] = [];
  let batch = 0;

  const listings: Record<string, () => { modifiedMs: number; json: Record<string, unknown> }[]> = {
    Products: () => dataset.products.map((p) => ({ modifiedMs: p.modifiedMs, json: productJson(p) })),
    StockOnHand: () => dataset.stock.map((s) => ({ modifiedMs: s.modifiedMs, json: stockJson(s, WAREHOUSE_NAMES[s.warehouseCode] ?? s.warehouseCode) })),
    Assemblies: () => dataset.assemblies.map((a) => ({ modifiedMs: a.modifiedMs, json: assemblyJson(a) })),
  };

  const applyChanges = () => applyChangeBatch(dataset, seed, ++batch, now());

  const server = createServer((req, res) => {
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(body);
    };
    const [pathname = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
    if (req.method === 'POST' && pathname === '/_sandbox/changes') return reply(200, JSON.stringify(applyChanges()));
    const [, resource = '', pageText = '1', extra] = pathname.split('/');
    const log = (status: number) =>
      requests.push({ resource, page: Number(pageText), query: rawQuery, status, headers: headersOf(req) });
    if (req.method !== 'GET' || !listings[resource] || extra !== undefined || !/^[1-9]\d*$/.test(pageText)) {
      log(404);
      return reply(404, JSON.stringify({ Description: 'Not found' }));
    }
    // A bad id or signature: 403 with an empty body, as Unleashed answers.
    if (req.headers['api-auth-id'] !== apiId || !signatureMatches(rawQuery, header(req, 'api-auth-signature'), apiKey)) {
      log(403);
      return reply(403, '');
    }
    const fault = faults.take(resource);
    if (fault?.kind === 'server_error') {
      log(503);
      return reply(503, '<html>Service Unavailable</html>', { 'Content-Type': 'text/html' });
    }
    if (fault?.kind === 'quota') {
      log(429);
      return reply(429, JSON.stringify({ Description: 'API call limit exceeded' }), { 'Retry-After': String(secondsUntilQuotaReset(now())) });
    }
    const params = new URLSearchParams(rawQuery);
    const pageSize = params.has('pageSize') ? Number(params.get('pageSize')) : DEFAULT_PAGE_SIZE;
    const since = params.get('modifiedSince');
    const sinceMs = since === null ? undefined : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since);
    // The 400 body shape is an assumption: Unleashed does not document it.
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      log(400);
      return reply(400, JSON.stringify({ Description: `pageSize must be 1 to ${MAX_PAGE_SIZE}` }));
    }
    if (sinceMs !== undefined && Number.isNaN(sinceMs)) {
      log(400);
      return reply(400, JSON.stringify({ Description: 'modifiedSince is not a date' }));
    }
    const items = listings[resource]().filter((item) => sinceMs === undefined || item.modifiedMs >= sinceMs);
    const page = Number(pageText);
    const numberOfPages = Math.ceil(items.length / pageSize);
    const body = {
      Pagination: { NumberOfItems: items.length, PageSize: pageSize, PageNumber: page, NumberOfPages: numberOfPages },
      Items: items.slice((page - 1) * pageSize, page * pageSize).map((item) => item.json),
    };
    log(200);
    if (fault?.kind === 'malformed') return reply(200, JSON.stringify({ Items: body.Items }).slice(0, -7));
    return reply(200, JSON.stringify(body));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    apiId,
    apiKey,
    dataset,
    requests,
    applyChanges,
    expected: (asOf) => expectedUnleashedFigures(dataset, asOf),
    setFaults: (list) => faults.set(list),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
}

