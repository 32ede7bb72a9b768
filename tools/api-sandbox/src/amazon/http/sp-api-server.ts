import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { jsonResponse, readBody, type SandboxResponse } from '../../common/http';
import type { AmazonFaultPlan, AmazonOperation, AmazonRequestLogEntry } from '../amazon.types';
import type { LwaTokens } from './lwa.handler';
import type { OperationBuckets } from './usage-plans';
import {
  type ApiState,
  getInventorySummaries,
  getShipmentItems,
  getShipments,
  marketplaceOf,
  operationOf,
  searchOrders,
  spError,
} from './sp-api.handlers';

export interface ServerParts {
  state: ApiState;
  lwa: LwaTokens;
  buckets: OperationBuckets | undefined;
  rateHeaders: OperationBuckets;
  faults: () => AmazonFaultPlan;
  log: AmazonRequestLogEntry[];
  /** `POST /_sandbox/advance`: applies the next round of seeded changes (sandbox-only endpoint). */
  advance: () => unknown;
}

const LWA_HOST = 'api.amazon.com';
const fired = new WeakMap<object, number>();

/** Counts a fault rule; true while it has fired fewer than `times` (default: always). */
function fires(rule: { times?: number } | undefined): boolean {
  if (!rule) return false;
  const count = fired.get(rule) ?? 0;
  if (rule.times !== undefined && count >= rule.times) return false;
  fired.set(rule, count + 1);
  return true;
}

const matches = (rule: { operation?: AmazonOperation; marketplace?: string } | undefined, operation: AmazonOperation, marketplace?: string) =>
  rule !== undefined && (rule.operation === undefined || rule.operation === operation) && (rule.marketplace === undefined || rule.marketplace === marketplace);

/**
 * One HTTP server for LWA and the SP-API, routed by Host the way the real hosts split them
 * (`api.amazon.com` serves only the token endpoint, `sellingpartnerapi-*.amazon.com` only the
 * API; a local host name serves both). Every API answer carries `x-amzn-RateLimit-Limit` and
 * `x-amzn-RequestId`.
 */
export function createSpApiServer(parts: ServerParts): Server {
  return createServer((req, res) => {
    handle(req, parts).then(
      (answer) => write(res, answer),
      (error: unknown) => write(res, spError(500, 'InternalFailure', (error as Error).message)),
    );
  });
}

async function handle(req: IncomingMessage, parts: ServerParts): Promise<SandboxResponse> {
  const host = (req.headers.host ?? '').split(':')[0];
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const isLwaHost = host === LWA_HOST;
  const isApiHost = /^sellingpartnerapi-(na|eu|fe)\.amazon\.com$/.test(host);
  if (url.pathname === '/auth/o2/token' && req.method === 'POST' && !isApiHost) {
    const answer = parts.lwa.grant(await readBody(req), req.headers['content-type']);
    parts.log.push({ operation: 'token', status: answer.status, at: parts.state.now() });
    return answer;
  }
  if (url.pathname === '/_sandbox/advance' && req.method === 'POST' && !isLwaHost && !isApiHost) {
    return jsonResponse(200, { changed: parts.advance() });
  }
  const route = isLwaHost ? undefined : operationOf(req.method ?? 'GET', url.pathname);
  if (!route) return spError(404, 'NotFound', `No resource at ${req.method} ${url.pathname} on ${host || 'this host'}.`);
  const marketplace = marketplaceOf(url.searchParams);
  const answer = withRateHeaders(apiAnswer(route, url.searchParams, req, parts, marketplace), route.operation, parts);
  parts.log.push({ operation: route.operation, marketplace, status: answer.status, at: parts.state.now() });
  return answer;
}

function apiAnswer(
  route: { operation: AmazonOperation; shipmentId?: string },
  query: URLSearchParams,
  req: IncomingMessage,
  parts: ServerParts,
  marketplace: string | undefined,
): SandboxResponse {
  const token = req.headers['x-amz-access-token'];
  const tokenValue = Array.isArray(token) ? token[0] : token;
  const plan = parts.faults();
  if (tokenValue && plan.expiredToken && parts.lwa.check(tokenValue) === 'valid' && fires(plan.expiredToken)) parts.lwa.expire(tokenValue);
  const status = parts.lwa.check(tokenValue);
  if (status === 'expired') return spError(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.');
  if (status === 'invalid') return spError(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided is revoked, malformed or invalid.');
  if (parts.buckets && !parts.buckets.take(route.operation)) {
    return spError(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.');
  }
  if (matches(plan.serverError, route.operation, marketplace) && fires(plan.serverError)) {
    const code = plan.serverError?.status ?? 500;
    return code === 503 ? spError(503, 'ServiceUnavailable', 'Service temporarily unavailable.') : spError(500, 'InternalFailure', 'We encountered an internal error. Please try again.');
  }
  const answer =
    route.operation === 'getInventorySummaries'
      ? getInventorySummaries(query, parts.state)
      : route.operation === 'searchOrders'
        ? searchOrders(query, parts.state)
        : route.operation === 'getShipments'
          ? getShipments(query, parts.state)
          : getShipmentItems(route.shipmentId ?? '', query, parts.state);
  if (answer.status === 200 && matches(plan.malformed, route.operation, marketplace) && fires(plan.malformed)) {
    // A page cut off mid-document, as a dropped proxy connection leaves it.
    return { ...answer, body: String(answer.body).slice(0, Math.max(1, Math.floor(String(answer.body).length / 2))) };
  }
  return answer;
}

function withRateHeaders(answer: SandboxResponse, operation: AmazonOperation, parts: ServerParts): SandboxResponse {
  return { ...answer, headers: { ...answer.headers, 'x-amzn-RateLimit-Limit': parts.rateHeaders.rateHeader(operation), 'x-amzn-RequestId': randomUUID() } };
}

function write(res: ServerResponse, answer: SandboxResponse): void {
  if (typeof answer.body !== 'string') throw new Error('the SP-API sandbox answers strings only');
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}
