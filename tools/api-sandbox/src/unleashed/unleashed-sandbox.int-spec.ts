import { createHmac } from 'node:crypto';

import { startUnleashedSandbox, type UnleashedSandbox } from './unleashed-sandbox';

/** Signs independently of the worker: the documented recipe, written out here. */
const sign = (query: string, key: string) => createHmac('sha256', key).update(query).digest('base64');

describe('Unleashed sandbox', () => {
  let sandbox: UnleashedSandbox;
  let now = Date.parse('2026-12-01T06:00:00Z');
  beforeAll(async () => {
    sandbox = await startUnleashedSandbox({ seed: 5, products: 12, assemblies: 7, referenceDate: '2026-12-01T06:00:00Z', now: () => now });
  });
  afterAll(() => sandbox.close());

  const get = (path: string, query = '', headers: Record<string, string> = {}) =>
    fetch(`${sandbox.url}${path}${query ? `?${query}` : ''}`, {
      headers: { 'api-auth-id': sandbox.apiId, 'api-auth-signature': sign(query, sandbox.apiKey), 'client-type': 'test/sandbox', ...headers },
    });

  it('answers 403 with an empty body to a wrong signature or id', async () => {
    const wrongSignature = await get('/Products/1', 'pageSize=5', { 'api-auth-signature': sign('pageSize=6', sandbox.apiKey) });
    expect(wrongSignature.status).toBe(403);
    expect(await wrongSignature.text()).toBe('');
    expect((await get('/Products/1', '', { 'api-auth-id': 'someone-else' })).status).toBe(403);
    expect((await get('/Products/1', '', { 'api-auth-signature': '' })).status).toBe(403);
  });

  it('pages with the documented envelope and /Date()/ dates', async () => {
    const first = (await (await get('/Products/1', 'pageSize=5')).json()) as { Pagination: unknown; Items: { LastModifiedOn: string }[] };
    expect(first.Pagination).toEqual({ NumberOfItems: 12, PageSize: 5, PageNumber: 1, NumberOfPages: 3 });
    expect(first.Items).toHaveLength(5);
    expect(first.Items[0].LastModifiedOn).toMatch(/^\/Date\(\d+\)\/$/);
    const last = (await (await get('/Products/3', 'pageSize=5')).json()) as { Items: unknown[] };
    expect(last.Items).toHaveLength(2);
    expect((await get('/Products/1', 'pageSize=1001')).status).toBe(400);
  });

  it('filters on modifiedSince and serves seeded changes', async () => {
    const since = 'modifiedSince=2026-12-01';
    const before = (await (await get('/StockOnHand/1', since)).json()) as { Items: unknown[] };
    expect(before.Items).toEqual([]);
    now = Date.parse('2026-12-01T08:00:00Z');
    const batch = sandbox.applyChanges();
    const after = (await (await get('/StockOnHand/1', since)).json()) as { Items: { ProductCode: string; WarehouseCode: string }[] };
    // The changed pairs, plus the one line only revalued.
    expect(after.Items).toHaveLength(batch.changedPairs.length + 1);
    expect(batch.changedPairs.every((pair) => after.Items.some((i) => `${i.ProductCode}@${i.WarehouseCode}` === pair))).toBe(true);
  });

  it('injects 5xx, malformed and quota faults', async () => {
    sandbox.setFaults([{ kind: 'server_error', times: 1 }, { kind: 'malformed', times: 1 }, { kind: 'quota', times: 1 }]);
    expect((await get('/Assemblies/1')).status).toBe(503);
    const malformed = await get('/Assemblies/1');
    expect(malformed.status).toBe(200);
    await expect(malformed.clone().json()).rejects.toThrow();
    const quota = await get('/Assemblies/1');
    expect(quota.status).toBe(429);
    // 2026-12-01T08:00Z to 2027-01-01T00:00Z.
    expect(quota.headers.get('retry-after')).toBe(String(31 * 86400 - 8 * 3600));
    expect((await get('/Assemblies/1')).status).toBe(200);
    sandbox.setFaults([]);
  });
});
