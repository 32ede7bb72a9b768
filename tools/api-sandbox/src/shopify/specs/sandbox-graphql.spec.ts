import { startShopifySandbox } from '../shopify-sandbox';
import type { ShopifySandbox } from '../sandbox.types';
import { json, officialClient, rawGraphql } from './official-client.spec-util';

const UK = 'acme-uk.myshopify.com';
const EU = 'acme-eu.myshopify.com';

interface OrderNode {
  id: string;
  updatedAt: string;
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  totalRefundedSet: { shopMoney: { amount: string } };
  cancelledAt: string | null;
  test: boolean;
  transactions: { kind: string; status: string; fees: { amount: { amount: string } }[] }[];
}
interface OrdersPage {
  orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OrderNode[] };
}

const ORDERS = `query Orders($after: String, $q: String) {
  orders(first: 100, after: $after, query: $q, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { id updatedAt cancelledAt test totalPriceSet { shopMoney { amount currencyCode } } totalRefundedSet { shopMoney { amount } }
      transactions { kind status fees { amount { amount } } } }
  }
}`;

const minor = (amount: string): bigint => BigInt(amount.replace('.', ''));
const decimal = (value: bigint): string => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;

describe('GraphQL Admin API through @shopify/shopify-api 13.1.0', () => {
  let sandbox: ShopifySandbox;

  beforeAll(async () => {
    sandbox = await startShopifySandbox({
      rateLimits: 'off',
      shops: [
        { domain: UK, currency: 'GBP', orders: 1234, seed: 11 },
        { domain: EU, currency: 'EUR', orders: 150, seed: 12, fees: false },
      ],
    });
  });
  afterAll(() => sandbox.close());

  async function walk(domain: string, q?: string): Promise<OrderNode[]> {
    const { shopify, session } = officialClient(sandbox, domain);
    const client = new shopify.clients.Graphql({ session });
    const all: OrderNode[] = [];
    let after: string | null = null;
    for (;;) {
      const response: { data?: OrdersPage } = await client.request<OrdersPage>(ORDERS, { variables: { after, q } });
      const page: OrdersPage['orders'] | undefined = response.data?.orders;
      if (!page) throw new Error('no orders in response');
      all.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  }

  /** The revenue policy, applied to what a client sees over GraphQL. */
  function totals(nodes: OrderNode[]) {
    let gross = 0n;
    let refunds = 0n;
    let fees = 0n;
    let orders = 0;
    let ordersWithoutFees = 0;
    for (const n of nodes) {
      if (n.test || n.cancelledAt !== null) continue;
      orders += 1;
      gross += minor(n.totalPriceSet.shopMoney.amount);
      refunds += minor(n.totalRefundedSet.shopMoney.amount);
      const payments = n.transactions.filter((t) => t.status === 'SUCCESS' && (t.kind === 'SALE' || t.kind === 'CAPTURE'));
      if (!payments.some((t) => t.fees.length > 0)) ordersWithoutFees += 1;
      for (const t of payments) for (const f of t.fees) fees += minor(f.amount.amount);
    }
    return {
      orders,
      cancelledOrders: nodes.filter((n) => !n.test && n.cancelledAt !== null).length,
      testOrders: nodes.filter((n) => n.test).length,
      gross: decimal(gross),
      refunds: decimal(refunds),
      net: decimal(gross - refunds),
      fees: ordersWithoutFees === 0 ? decimal(fees) : null,
      ordersWithoutFees,
    };
  }

  it('pages through every order and matches expectedTotals exactly', async () => {
    const nodes = await walk(UK);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(1234);
    const updated = nodes.map((n) => Date.parse(n.updatedAt));
    expect([...updated].sort((a, b) => a - b)).toEqual(updated);
    const { currency, timeZone, ...expected } = sandbox.expectedTotals(UK);
    expect([currency, timeZone]).toEqual(['GBP', 'Europe/London']);
    expect(totals(nodes)).toEqual(expected);
    expect(expected.cancelledOrders).toBeGreaterThan(0);
    expect(expected.testOrders).toBeGreaterThan(0);
    expect(Math.max(...nodes.map((n) => n.transactions.length))).toBeGreaterThanOrEqual(6);
    expect(sandbox.requests.filter((r) => r.shop === UK && r.api === 'graphql')).toHaveLength(13);
  });

  it('serves each shop on its own port; a fees:false shop has no fee data', async () => {
    expect(sandbox.shopUrl(UK)).not.toBe(sandbox.shopUrl(EU));
    const nodes = await walk(EU);
    const { currency, timeZone: _z, ...expected } = sandbox.expectedTotals(EU);
    expect(currency).toBe('EUR');
    expect(expected.fees).toBeNull();
    expect(expected.ordersWithoutFees).toBe(expected.orders);
    expect(totals(nodes)).toEqual(expected);
    expect(nodes[0]?.totalPriceSet.shopMoney.currencyCode).toBe('EUR');
  });

  it("filters with updated_at:>'…' AND updated_at:<='…'", async () => {
    const all = await walk(UK);
    const lo = '2026-09-01T00:00:00Z';
    const hi = '2026-10-01T00:00:00Z';
    const expected = all.filter((n) => Date.parse(n.updatedAt) > Date.parse(lo) && Date.parse(n.updatedAt) <= Date.parse(hi));
    const filtered = await walk(UK, `updated_at:>'${lo}' AND updated_at:<='${hi}'`);
    expect(filtered.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    expect(filtered.length).toBeGreaterThan(0);
  });

  it('lets an incremental run fetch only the orders touchOrders changed', async () => {
    const before = await walk(UK);
    const cursor = before[before.length - 1]?.updatedAt ?? '';
    const touched = sandbox.touchOrders(UK, 7);
    sandbox.clearRequests();
    const changed = await walk(UK, `updated_at:>'${cursor}'`);
    expect(changed.map((n) => n.id).sort()).toEqual([...touched].sort());
    expect(sandbox.requests).toHaveLength(1);
    const { currency: _c, timeZone: _z, ...expected } = sandbox.expectedTotals(UK);
    expect(totals(await walk(UK))).toEqual(expected);
    expect(minor(expected.refunds)).toBeGreaterThan(minor(totals(before).refunds));
  });

  it('reports extensions.cost with requested and actual cost', async () => {
    const body = await json(await rawGraphql(sandbox, EU, `{ orders(first: 10, query: "created_at:>='2026-10-29'") { nodes { id } } }`));
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 12,
      actualQueryCost: 2 + body.data.orders.nodes.length,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 },
    });
  });

  it('answers validation errors with HTTP 200 and errors[]', async () => {
    const response = await rawGraphql(sandbox, UK, '{ orders(first: 1) { nodes { id bogusField } } }');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.errors[0].message).toMatch(/bogusField/);
    expect(response.headers.get('x-sandbox')).toBe('true');
  });

  it('refuses a query above 1000 points with MAX_COST_EXCEEDED', async () => {
    const body = await json(await rawGraphql(sandbox, UK, '{ orders(first: 250) { nodes { lineItems(first: 50) { nodes { sku } } } } }'));
    expect(body.errors[0].extensions).toEqual({ code: 'MAX_COST_EXCEEDED', cost: 2 + 250 * (1 + 2 + 50), maxCost: 1000 });
  });

  it('requires first or last on connections', async () => {
    const body = await json(await rawGraphql(sandbox, UK, '{ orders { nodes { id } } }'));
    expect(body.errors[0].message).toBe('you must provide one of first or last');
  });

  it('resolves node(id:) and products with variants', async () => {
    const { shopify, session } = officialClient(sandbox, UK);
    const client = new shopify.clients.Graphql({ session });
    const products = await client.request<{ products: { nodes: { id: string; title: string; variants: { nodes: { sku: string }[] } }[] } }>(
      '{ products(first: 5) { nodes { id title variants(first: 3) { nodes { sku } } } } }',
    );
    const product = products.data?.products.nodes[0];
    expect(product?.title).toMatch(/^Sandbox /);
    expect(product?.variants.nodes[0]?.sku).toMatch(/^SBX-1-/);
    const node = await client.request<{ node: { title: string } }>('query($id: ID!) { node(id: $id) { ... on Product { title } } }', { variables: { id: product?.id } });
    expect(node.data?.node.title).toBe(product?.title);
  });
});
