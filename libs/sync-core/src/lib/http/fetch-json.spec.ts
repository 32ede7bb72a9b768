import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  AuthRevokedError,
  MalformedResponseError,
  RateLimitedError,
  RequestRejectedError,
  TransientError,
} from '@ops/resilience';

import { fetchJson } from './fetch-json';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = new URL(req.url ?? '/', 'http://x').pathname;
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    if (route === '/ok') return reply(200, '{"orders":[{"id":1}]}');
    if (route === '/throttled') return reply(429, '{"errors":"Exceeded 2 calls per second"}', { 'retry-after': '2.0' });
    if (route === '/revoked') return reply(401, '{"errors":"[API] Invalid API key or access token"}');
    if (route === '/down') return reply(503, 'Service Unavailable');
    if (route === '/bad-request') return reply(422, '{"errors":{"limit":["must be <= 250"]}}');
    if (route === '/not-json') return reply(200, '<html>maintenance</html>');
    if (route === '/truncated') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"orders":[');
      return void setTimeout(() => res.destroy(), 20);
    }
    if (route === '/slow') return void setTimeout(() => reply(200, '{}'), 2_000);
    reply(404, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchJson', () => {
  it('returns status, headers and the parsed body', async () => {
    const response = await fetchJson<{ orders: { id: number }[] }>(`${base}/ok`);
    expect(response.status).toBe(200);
    expect(response.body.orders[0].id).toBe(1);
  });

  it.each([
    ['/throttled', RateLimitedError, 'RATE_LIMITED'],
    ['/revoked', AuthRevokedError, 'AUTH_REVOKED'],
    ['/down', TransientError, 'HTTP_503'],
    ['/bad-request', RequestRejectedError, 'HTTP_422'],
    ['/not-json', MalformedResponseError, 'MALFORMED_RESPONSE'],
    ['/truncated', TransientError, undefined],
  ])('classifies %s', async (path, errorClass, code) => {
    const error = await fetchJson(`${base}${path}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    if (code) expect((error as { code: string }).code).toBe(code);
  });

  it('reads Retry-After into the rate-limit error', async () => {
    const error = (await fetchJson(`${base}/throttled`).catch((e: unknown) => e)) as RateLimitedError;
    expect(error.retryAfterMs).toBe(2_000);
  });

  it('times out a slow request as a transient failure', async () => {
    const error = (await fetchJson(`${base}/slow`, { timeoutMs: 200 }).catch((e: unknown) => e)) as TransientError;
    expect(error).toBeInstanceOf(TransientError);
    expect(error.code).toBe('TIMEOUT');
  });

  it('keeps credentials out of error messages', async () => {
    const error = (await fetchJson(`${base}/revoked?access_token=shpat_abcdef123456`, {
      headers: { 'X-Shopify-Access-Token': 'shpat_abcdef123456' },
    }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('/revoked?access_token=[REDACTED]');
    expect(error.message).not.toContain('shpat_abcdef123456');
  });
});
