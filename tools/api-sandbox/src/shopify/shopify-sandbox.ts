import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { jsonResponse } from '../common/http';
import { BulkOperations } from './bulk/bulk-operations';
import { ShopDataset } from './dataset/shop-dataset';
import { computeExpectedTotals } from './dataset/totals';
import { computeExpectedUnits } from './dataset/units';
import { gid } from './graphql/graphql-views';
import { defaultCredentials, ShopAuth } from './http/auth';
import { FaultInjector } from './http/faults';
import { createBuckets } from './http/rate-limits';
import { writeResponse } from './http/response-writer';
import { handleShopRequest, type ShopRuntime } from './http/shop-server';
import type { RequestLogEntry, ShopCredentials, ShopifySandbox, ShopifySandboxOptions } from './sandbox.types';
import { resolveProfile } from './shop-profile';

interface ShopEntry {
  runtime: ShopRuntime;
  server: Server;
  credentials: ShopCredentials;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts one HTTP server per shop (each on its own port, so a client whose shop domain is
 * rewritten to `127.0.0.1:<port>` reaches the right shop) plus a directory server on `port`
 * that lists the shops and also routes `/shops/<domain>/...` or a `Host: <domain>` header.
 * Resolves once every server listens.
 */
export async function startShopifySandbox(options: ShopifySandboxOptions): Promise<ShopifySandbox> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? Date.now;
  const faults = new FaultInjector(options.faults);
  const requests: RequestLogEntry[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'shopify-sandbox-'));
  const shops = new Map<string, ShopEntry>();
  const basePort = options.port ?? 0;

  for (const [k, spec] of options.shops.entries()) {
    if (shops.has(spec.domain)) throw new Error(`duplicate shop domain ${spec.domain}`);
    const profile = resolveProfile(spec, options.referenceDate, options.spanDays);
    const credentials = { ...defaultCredentials(spec.domain), ...stripUndefined({ accessToken: spec.accessToken, clientId: spec.clientId, clientSecret: spec.clientSecret }) };
    const entry = {} as ShopEntry;
    const shopDir = join(dir, String(k));
    mkdirSync(shopDir);
    const runtime: ShopRuntime = {
      profile,
      dataset: new ShopDataset(profile),
      auth: new ShopAuth(spec.domain, credentials, clock),
      buckets: createBuckets(options.rateLimits, clock),
      bulk: new BulkOperations({ shop: () => runtime, baseUrl: () => entry.credentials.url, dir: shopDir, delayMs: options.bulkDelayMs ?? 100, clock }),
      faults,
      clock,
      log: (e) => requests.push(e),
    };
    const server = createServer((req, res) => void handleShopRequest(runtime, req, res));
    const port = await listen(server, basePort > 0 ? basePort + 1 + k : 0, host);
    Object.assign(entry, { runtime, server, credentials: { domain: spec.domain, url: `http://${host}:${port}`, ...credentials } });
    shops.set(spec.domain, entry);
  }

  const directory = createServer((req, res) => route(req, res));
  const port = await listen(directory, basePort, host);
  const shopList = [...shops.values()].map((s) => s.credentials);

  function route(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
    const prefixed = /^\/shops\/([^/]+)(\/.*)?$/.exec(path);
    const byHost = shops.get((req.headers.host ?? '').split(':')[0] ?? '');
    const target = prefixed ? shops.get(prefixed[1] ?? '') : byHost;
    if (target) {
      void handleShopRequest(target.runtime, req, res, prefixed ? `/shops/${prefixed[1]}` : '');
      return;
    }
    const body = path === '/' ? jsonResponse(200, { sandbox: 'shopify', shops: shopList }) : jsonResponse(404, { errors: 'Not Found' });
    writeResponse(res, body, 'normal');
  }

  const entryOf = (domain: string): ShopEntry => {
    const entry = shops.get(domain);
    if (!entry) throw new Error(`unknown sandbox shop ${domain}`);
    return entry;
  };

  return {
    url: `http://${host}:${port}`,
    port,
    shops: shopList,
    get requests() {
      return requests;
    },
    shopUrl: (domain) => entryOf(domain).credentials.url,
    shopHost: (domain) => entryOf(domain).credentials.url.replace(/^http:\/\//, ''),
    credentials: (domain) => entryOf(domain).credentials,
    setFaults: (plan) => faults.set(plan),
    touchOrders: (domain, count) => {
      const { dataset } = entryOf(domain).runtime;
      return dataset.touch(count, Math.floor(clock() / 1000)).map((index) => gid('Order', dataset.order(index).id));
    },
    revokeToken: (domain) => entryOf(domain).runtime.auth.revokeAll(),
    expectedTotals: (domain) => computeExpectedTotals(entryOf(domain).runtime.dataset),
    expectedUnits: (domain) => computeExpectedUnits(entryOf(domain).runtime.dataset),
    clearRequests: () => {
      requests.length = 0;
    },
    close: async () => {
      for (const entry of shops.values()) entry.runtime.bulk.close();
      await Promise.all([closeServer(directory), ...[...shops.values()].map((s) => closeServer(s.server))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
