import type { IncomingMessage, ServerResponse } from 'node:http';

import { sleep } from '@ops/resilience';

import { jsonResponse, parseFormOrJson, readBody, type SandboxResponse } from '../../common/http';
import type { BulkOperations } from '../bulk/bulk-operations';
import type { ShopProfile } from '../dataset/dataset.types';
import type { ShopDataset } from '../dataset/shop-dataset';
import { handleGraphql } from '../graphql/graphql.handler';
import { handleRest } from '../rest/rest.handler';
import type { FaultApi, RequestLogEntry } from '../sandbox.types';
import { INVALID_TOKEN_BODY, type ShopAuth } from './auth';
import type { FaultInjector } from './faults';
import type { ShopBuckets } from './rate-limits';
import { writeResponse, type WriteMode } from './response-writer';
import { resolveApiVersion } from './api-versions';

export interface ShopRuntime {
  profile: ShopProfile;
  dataset: ShopDataset;
  auth: ShopAuth;
  buckets: ShopBuckets;
  bulk: BulkOperations;
  faults: FaultInjector;
  clock: () => number;
  log: (entry: RequestLogEntry) => void;
}

const ADMIN_PATH = /^\/admin\/api\/([^/]+)\/(.+)\.json$/;
const BULK_PATH = /^\/sandbox-bulk\/(\d+)\.jsonl$/;

function classify(method: string, path: string): FaultApi | 'other' {
  if (path === '/admin/oauth/access_token') return 'oauth';
  if (BULK_PATH.test(path)) return 'bulk-file';
  const admin = ADMIN_PATH.exec(path);
  if (!admin) return 'other';
  return admin[2] === 'graphql' && method === 'POST' ? 'graphql' : 'rest';
}

function serverError(status: number): SandboxResponse {
  if (status === 502) return { status, headers: { 'Content-Type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>' };
  const text = status === 503 ? 'Unavailable Shop' : status === 504 ? 'Gateway Timeout' : 'Internal Server Error';
  return jsonResponse(status, { errors: text });
}

/**
 * Handles every request for one shop: routing, API version, auth, faults, REST/GraphQL rate
 * limits, then the REST or GraphQL handler. Every response carries `X-Sandbox: true`.
 */
export async function handleShopRequest(rt: ShopRuntime, req: IncomingMessage, res: ServerResponse, prefix = ''): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const path = url.pathname.slice(prefix.length) || '/';
  const api = classify(method, path);
  const domain = rt.profile.domain;
  let fault: RequestLogEntry['fault'];
  let mode: WriteMode = 'normal';
  let response: SandboxResponse;
  try {
    const slow = api === 'other' ? undefined : rt.faults.fires('slow', domain, api);
    if (slow) {
      fault = 'slow';
      await sleep(slow.delayMs);
    }
    const routed = await route();
    response = routed;
    if (api !== 'other' && response.status < 400) {
      if (rt.faults.fires('truncated', domain, api)) [mode, fault] = ['truncated', 'truncated'];
      else if (rt.faults.fires('malformedJson', domain, api)) [mode, fault] = ['malformed', 'malformedJson'];
    }
  } catch (error) {
    response = jsonResponse(500, { errors: `Internal Server Error: ${(error as Error).message}` });
  }
  const query = Object.fromEntries(url.searchParams);
  rt.log({ shop: domain, method, path, query, status: response.status, at: new Date(rt.clock()).toISOString(), api, ...(fault ? { fault } : {}), ...(response.cost !== undefined ? { cost: response.cost } : {}) });
  writeResponse(res, response, mode);

  async function route(): Promise<SandboxResponse> {
    if (api === 'oauth') {
      if (method !== 'POST') return jsonResponse(404, { errors: 'Not Found' });
      const params = parseFormOrJson(await readBody(req), req.headers['content-type']);
      if (rt.faults.isRevoked(domain)) fault = 'revoked';
      return rt.auth.grant(params, !rt.faults.isRevoked(domain));
    }
    if (api === 'bulk-file') {
      const file = rt.bulk.file(Number(BULK_PATH.exec(path)?.[1]));
      return file ? { status: 200, headers: { 'Content-Type': 'application/jsonl' }, body: file } : jsonResponse(404, { errors: 'Not Found' });
    }
    if (api === 'other') {
      return path === '/' ? jsonResponse(200, { shop: domain, name: rt.profile.name, sandbox: true }) : jsonResponse(404, { errors: 'Not Found' });
    }
    const [, requestedVersion = '', resource = ''] = ADMIN_PATH.exec(path) ?? [];
    const version = resolveApiVersion(requestedVersion);
    if (!version) return jsonResponse(404, { errors: 'Not Found' });
    const versionHeader = { 'X-Shopify-API-Version': version };
    const withVersion = (r: SandboxResponse): SandboxResponse => ({ ...r, headers: { ...r.headers, ...versionHeader } });
    if (rt.faults.isRevoked(domain)) {
      fault = 'revoked';
      return withVersion(jsonResponse(401, INVALID_TOKEN_BODY));
    }
    const token = req.headers['x-shopify-access-token'];
    if (!rt.auth.isValid(Array.isArray(token) ? token[0] : token)) return withVersion(jsonResponse(401, INVALID_TOKEN_BODY));
    const failure = rt.faults.fires('serverErrors', domain, api);
    if (failure) {
      fault = 'serverErrors';
      return withVersion(serverError(failure.status ?? 503));
    }
    const storm = rt.faults.fires('throttleStorm', domain, api) !== undefined;
    if (storm) fault = 'throttleStorm';
    if (api === 'graphql') return withVersion(await handleGraphql(await readBody(req), rt, rt.buckets.graphql, storm));
    if (method !== 'GET') return withVersion(jsonResponse(404, { errors: 'Not Found' }));
    const bucket = rt.buckets.rest;
    const callLimit = () => `${Math.min(bucket.capacity, Math.max(1, Math.ceil(bucket.capacity - bucket.available())))}/${bucket.capacity}`;
    if (storm || !bucket.tryTake(1)) {
      const body = { errors: `Exceeded ${bucket.ratePerSecond} calls per second for api client. Reduce request rates to resume uninterrupted service.` };
      return withVersion(jsonResponse(429, body, { 'Retry-After': '2.0', 'X-Shopify-Shop-Api-Call-Limit': storm ? `${bucket.capacity}/${bucket.capacity}` : callLimit() }));
    }
    const selfUrl = `http://${req.headers.host ?? '127.0.0.1'}${prefix}/admin/api/${requestedVersion}/${resource}.json`;
    const result = handleRest({ resource, query: url.searchParams, selfUrl }, rt);
    return withVersion({ ...result, headers: { ...result.headers, 'X-Shopify-Shop-Api-Call-Limit': callLimit() } });
  }
}
