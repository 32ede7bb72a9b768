import axios, { type AxiosError } from 'axios';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { redactSecrets } from './redact';
import { serializeSyncError } from './serialize-error';

const SECRETS = {
  shopify: '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',
  bearer: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4ZXJvIn0.c2lnbmF0dXJlLXZhbHVl',
  amazon: 'Atza|IwEBIJk3mZ5e0pQ-local-access-token',
  refresh: 'Atzr|IwEBIA-refresh-token-value',
  unleashedSig: 'q2W3e4R5t6Y7u8I9o0P+signature=',
  password: 'hunter2-password',
  clientSecret: 'xero-client-secret-123',
};

/** A server that echoes credentials back in its error body, as badly behaved APIs do. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.url?.startsWith('/slow') ? 500 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_token', error_description: `token ${req.headers.authorization} rejected` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function axiosFailure(run: () => Promise<unknown>): Promise<AxiosError> {
  try {
    await run();
  } catch (error) {
    return error as AxiosError;
  }
  throw new Error('expected the request to fail');
}

function expectNoSecrets(text: string) {
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
}

describe('serializeSyncError on real axios errors', () => {
  it('keeps method, URL, status and API text but no credentials from headers, URL or body', async () => {
    const error = await axiosFailure(() =>
      axios.get(`${base}/admin/api/2026-07/orders.json`, {
        params: { access_token: SECRETS.shopify, limit: 250 },
        headers: {
          'X-Shopify-Access-Token': SECRETS.shopify,
          Authorization: `Bearer ${SECRETS.bearer}`,
          'x-amz-access-token': SECRETS.amazon,
          'api-auth-signature': SECRETS.unleashedSig,
        },
      }),
    );
    expect(JSON.stringify(error.toJSON())).toContain(SECRETS.bearer); // the raw error does leak
    const serialized = serializeSyncError(error);
    expect(serialized.code).toBe('HTTP_401');
    expect(serialized.message).toContain(`GET ${base}/admin/api/2026-07/orders.json`);
    expect(serialized.message).toContain('HTTP 401');
    expect(serialized.message).toContain('rejected');
    expectNoSecrets(JSON.stringify(serialized));
  });

  it('strips user info and secret query parameters from the request URL', async () => {
    const url = `http://user:${SECRETS.password}@127.0.0.1:${new URL(base).port}/slow?refresh_token=${encodeURIComponent(SECRETS.refresh)}&client_secret=${SECRETS.clientSecret}&page=2`;
    const error = await axiosFailure(() => axios.post(url, `grant_type=refresh_token&refresh_token=${SECRETS.refresh}`));
    const serialized = serializeSyncError(error);
    expect(serialized.code).toBe('HTTP_500');
    expect(serialized.message).toContain('page=2');
    expectNoSecrets(JSON.stringify(serialized));
  });

  it('describes a network error by its code', async () => {
    const error = await axiosFailure(() =>
      axios.get('http://127.0.0.1:1/x', { headers: { Authorization: `Bearer ${SECRETS.bearer}` } }),
    );
    const serialized = serializeSyncError(error);
    expect(serialized.code).toBe('ECONNREFUSED');
    expectNoSecrets(JSON.stringify(serialized));
  });
});

describe('serializeSyncError on other throwables', () => {
  it.each([
    [new TypeError('fetch failed'), 'TypeError', 'fetch failed'],
    ['plain string', 'UNKNOWN', 'plain string'],
    [Object.assign(new Error(`bad token ${SECRETS.shopify}`), { code: 'E_AUTH' }), 'E_AUTH', 'bad token [REDACTED]'],
  ])('%p', (thrown, code, message) => {
    expect(serializeSyncError(thrown)).toEqual({ code, message });
  });
});

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer abc.def', 'Authorization: [REDACTED]'],
    ['{"access_token":"abc","expires_in":1800}', '{"access_token":"[REDACTED]","expires_in":1800}'],
    ['api-auth-signature=xyz&page=1', 'api-auth-signature=[REDACTED]&page=1'],
    ['https://sellingpartnerapi-eu.amazon.com/orders?X-Amz-Signature=abc&MarketplaceIds=A1F83G8C2ARO7P',
      'https://sellingpartnerapi-eu.amazon.com/orders?X-Amz-Signature=[REDACTED]&MarketplaceIds=A1F83G8C2ARO7P'],
    ['nothing secret here: 42 orders', 'nothing secret here: 42 orders'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});
