import { type AmazonSandbox, startAmazonSandbox } from '../amazon-sandbox';
import { expectedMarketplaceTotals } from '../dataset/expected-totals';
import { formatMinor } from '../dataset/inventory-math';

const UK = 'A1F83G8C2ARO7P';
const DE = 'A1PA6795UKMFR9';

describe('Amazon SP-API sandbox', () => {
  let now = Date.parse('2026-11-30T12:00:00Z');
  let sandbox: AmazonSandbox;
  let token: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${sandbox.url}${path}`, { headers: { 'x-amz-access-token': token, ...headers } });

  beforeAll(async () => {
    sandbox = await startAmazonSandbox({
      marketplaces: [
        { id: UK, currency: 'GBP', skus: 120, orders: 230, shipments: 6 },
        { id: DE, currency: 'EUR', skus: 30, orders: 40, shipments: 2 },
      ],
      now: () => now,
    });
    const body = new URLSearchParams({ grant_type: 'refresh_token', ...refreshFields(sandbox) });
    const answer = await fetch(`${sandbox.url}/auth/o2/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const json = (await answer.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(json).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    token = json.access_token;
  });
  afterAll(() => sandbox.close());

  it('LWA refuses a wrong refresh token with invalid_grant', async () => {
    const body = new URLSearchParams({ grant_type: 'refresh_token', ...refreshFields(sandbox), refresh_token: 'Atzr|wrong' });
    const answer = await fetch(`${sandbox.url}/auth/o2/token`, { method: 'POST', body });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
  });

  it('inventory pages of 50 with single-use next tokens that expire after 30 s and need startDateTime re-sent', async () => {
    const query = `details=true&granularityType=Marketplace&granularityId=${UK}&marketplaceIds=${UK}`;
    const first = (await (await get(`/fba/inventory/v1/summaries?${query}`)).json()) as { pagination: { nextToken: string }; payload: { inventorySummaries: unknown[] } };
    expect(first.payload.inventorySummaries).toHaveLength(50);
    const next = first.pagination.nextToken;
    const second = await get(`/fba/inventory/v1/summaries?${query}&nextToken=${encodeURIComponent(next)}`);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-amzn-ratelimit-limit')).toBe('2');
    now += 1_000;
    const reused = await get(`/fba/inventory/v1/summaries?${query}&nextToken=${encodeURIComponent(next)}`);
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { errors: { code: string }[] }).errors[0].code).toBe('InvalidInput');
    now += 1_000;
    const since = (await (await get(`/fba/inventory/v1/summaries?${query}&startDateTime=2026-01-01T00:00:00Z`)).json()) as { pagination: { nextToken: string } };
    now += 1_000;
    const dropped = await get(`/fba/inventory/v1/summaries?${query}&nextToken=${encodeURIComponent(since.pagination.nextToken)}`);
    expect(((await dropped.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/parameters differ/);
    now += 1_000;
    const third = (await (await get(`/fba/inventory/v1/summaries?${query}`)).json()) as { pagination: { nextToken: string } };
    now += 31_000;
    const expired = await get(`/fba/inventory/v1/summaries?${query}&nextToken=${encodeURIComponent(third.pagination.nextToken)}`);
    expect(((await expired.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/expired/);
  });

  it('per-operation buckets: the third inventory call in the same instant gets a real-shaped 429 with the rate header', async () => {
    now += 10_000;
    const query = `details=true&granularityType=Marketplace&granularityId=${DE}&marketplaceIds=${DE}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await get(`/fba/inventory/v1/summaries?${query}`));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(await statuses[2].json()).toEqual({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }] });
    expect(statuses[2].headers.get('x-amzn-ratelimit-limit')).toBe('2');
    // Another operation has its own bucket.
    expect((await get(`/fba/inbound/v0/shipments?QueryType=DATE_RANGE&MarketplaceId=${DE}&LastUpdatedAfter=2026-01-01T00:00:00Z&LastUpdatedBefore=2026-11-30T00:00:00Z`)).status).toBe(200);
  });

  it('searchOrders pages add up to the independent expected totals; lastUpdatedBefore must be 2 minutes back', async () => {
    const early = await get(`/orders/2026-01-01/orders?marketplaceIds=${UK}&lastUpdatedAfter=2026-10-01T00:00:00Z&lastUpdatedBefore=${new Date(now).toISOString()}`);
    expect(early.status).toBe(400);
    let revenue = 0n;
    let counted = 0;
    let pending = 0;
    let cancelled = 0;
    let paginationToken = '';
    do {
      const answer = await get(`/orders/2026-01-01/orders?marketplaceIds=${UK}&lastUpdatedAfter=2026-10-01T00:00:00Z&includedData=PROCEEDS,FULFILLMENT${paginationToken ? `&paginationToken=${encodeURIComponent(paginationToken)}` : ''}`);
      const page = (await answer.json()) as {
        orders: { createdTime: string; fulfillment: { fulfillmentStatus: string }; proceeds?: { grandTotal: { amount: string } } }[];
        pagination?: { nextToken: string };
        lastUpdatedBefore: string;
      };
      expect(page.lastUpdatedBefore).toBe(new Date(now - 120_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      for (const order of page.orders) {
        const status = order.fulfillment.fulfillmentStatus;
        if (status === 'PENDING') {
          pending++;
          expect(order.proceeds).toBeUndefined();
        } else if (status === 'CANCELLED') cancelled++;
        else {
          counted++;
          revenue += BigInt(order.proceeds?.grandTotal.amount.replace('.', '') ?? 'x');
        }
      }
      paginationToken = page.pagination?.nextToken ?? '';
    } while (paginationToken);
    const data = sandbox.data.get(UK);
    if (!data) throw new Error('no UK data');
    const expected = expectedMarketplaceTotals(data, now, { days: 14, units: 10, windowDays: 30 });
    expect({ counted, pending, cancelled, revenue: formatMinor(revenue, 'GBP') }).toEqual({
      counted: expected.orders.counted,
      pending: expected.orders.pending,
      cancelled: expected.orders.cancelled,
      revenue: expected.orders.revenue,
    });
    expect(pending).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);
  });

  it('routes by Host: the LWA host serves no API, an API host no token endpoint; an expired token is answered as Amazon does', async () => {
    expect((await get(`/fba/inbound/v0/shipments/X/items`, { host: 'api.amazon.com' })).status).toBe(404);
    const answer = await get(`/fba/inbound/v0/shipments?QueryType=DATE_RANGE&MarketplaceId=${UK}&LastUpdatedAfter=2026-01-01T00:00:00Z&LastUpdatedBefore=2026-11-30T00:00:00Z`);
    expect(answer.status).toBe(200);
    now += 3_601_000;
    const late = await get(`/fba/inbound/v0/shipments?QueryType=DATE_RANGE&MarketplaceId=${UK}&LastUpdatedAfter=2026-01-01T00:00:00Z&LastUpdatedBefore=2026-11-30T00:00:00Z`);
    expect(late.status).toBe(403);
    expect(await late.json()).toEqual({ errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }] });
  });

  it('advance() changes exactly the SKUs it reports, stamped at the clock', () => {
    const before = new Map([...(sandbox.data.get(UK)?.inventory ?? [])].map((i) => [i.sellerSku, i.fulfillable]));
    const changes = sandbox.advance().filter((c) => c.marketplace === UK);
    expect(changes).toHaveLength(5);
    const after = sandbox.data.get(UK)?.inventory ?? [];
    const moved = after.filter((i) => before.get(i.sellerSku) !== i.fulfillable).map((i) => i.sellerSku).sort();
    expect(moved).toEqual(changes.map((c) => c.sku).sort());
    for (const c of changes) expect(c.previousQuantity).toBe(before.get(c.sku));
  });
});

function refreshFields(sandbox: AmazonSandbox) {
  return { refresh_token: sandbox.credentials.refreshToken, client_id: sandbox.credentials.clientId, client_secret: sandbox.credentials.clientSecret };
}
