import { startShopifySandbox } from '../shopify-sandbox';
import type { ShopifySandbox } from '../sandbox.types';
import { officialClient } from './official-client.spec-util';

const US = 'acme-us.myshopify.com';

interface BulkView {
  id: string;
  status: string;
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  url: string | null;
  completedAt: string | null;
}
interface RunResult {
  bulkOperationRunQuery: { bulkOperation: { id: string; status: string } | null; userErrors: { code: string | null; field: string[] | null; message: string }[] };
}

const RUN = 'mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { code field message } } }';
const POLL = '{ currentBulkOperation { id status errorCode objectCount rootObjectCount url completedAt } }';
const ORDERS_QUERY = `{ orders(query: "created_at:>='2026-06-01'") { edges { node { id name totalPriceSet { shopMoney { amount } }
  lineItems { edges { node { id sku quantity } } } } } } }`;

describe('bulk operations', () => {
  let sandbox: ShopifySandbox;
  let client: InstanceType<ReturnType<typeof officialClient>['shopify']['clients']['Graphql']>;

  beforeAll(async () => {
    sandbox = await startShopifySandbox({ bulkDelayMs: 20, rateLimits: 'off', shops: [{ domain: US, currency: 'USD', orders: 700, seed: 3 }] });
    const { shopify, session } = officialClient(sandbox, US);
    client = new shopify.clients.Graphql({ session });
  });
  afterAll(() => sandbox.close());

  async function run(query: string): Promise<RunResult['bulkOperationRunQuery']> {
    const response = await client.request<RunResult>(RUN, { variables: { q: query } });
    if (!response.data) throw new Error('no data');
    return response.data.bulkOperationRunQuery;
  }

  async function finished(): Promise<BulkView> {
    for (let i = 0; i < 200; i++) {
      const view = (await client.request<{ currentBulkOperation: BulkView }>(POLL)).data?.currentBulkOperation;
      if (view && ['COMPLETED', 'FAILED', 'CANCELED'].includes(view.status)) return view;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('bulk operation did not finish');
  }

  it('runs CREATED -> COMPLETED and serves JSONL with __parentId child rows', async () => {
    const started = await run(ORDERS_QUERY);
    expect(started.userErrors).toEqual([]);
    expect(started.bulkOperation?.status).toBe('CREATED');
    expect(started.bulkOperation?.id).toMatch(/^gid:\/\/shopify\/BulkOperation\/\d+$/);

    const again = await run(ORDERS_QUERY);
    expect(again.userErrors[0]?.code).toBe('OPERATION_IN_PROGRESS');

    const done = await finished();
    expect(done).toMatchObject({ id: started.bulkOperation?.id, status: 'COMPLETED', errorCode: null });
    const byNode = await client.request<{ node: BulkView }>('query($id: ID!) { node(id: $id) { ... on BulkOperation { id status objectCount url } } }', { variables: { id: done.id } });
    expect(byNode.data?.node).toMatchObject({ status: 'COMPLETED', objectCount: done.objectCount, url: done.url });

    const download = await fetch(done.url ?? '');
    expect(download.headers.get('x-sandbox')).toBe('true');
    const rows = (await download.text()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(Number(done.objectCount));
    const orders = rows.filter((r) => r['__parentId'] === undefined);
    const lines = rows.filter((r) => r['__parentId'] !== undefined);
    expect(orders).toHaveLength(Number(done.rootObjectCount));
    expect(orders.length).toBeGreaterThan(100);
    expect(orders.every((o) => String(o['id']).startsWith('gid://shopify/Order/') && !('lineItems' in o))).toBe(true);
    const orderIds = new Set(orders.map((o) => o['id']));
    expect(lines.length).toBeGreaterThanOrEqual(orders.length);
    expect(lines.every((l) => orderIds.has(l['__parentId']) && String(l['id']).startsWith('gid://shopify/LineItem/'))).toBe(true);
    // Each child row follows its parent.
    const firstChild = rows.findIndex((r) => r['__parentId'] !== undefined);
    expect(rows[firstChild - 1]?.['id']).toBe(rows[firstChild]?.['__parentId']);
  });

  it('exports every order when unfiltered, totalling expectedTotals.gross', async () => {
    const query = '{ orders { edges { node { id cancelledAt test totalPriceSet { shopMoney { amount } } transactions { id kind status fees { amount { amount } } } } } } }';
    expect((await run(query)).userErrors).toEqual([]);
    const done = await finished();
    type Row = { cancelledAt: string | null; test: boolean; totalPriceSet: { shopMoney: { amount: string } }; transactions: { kind: string; status: string; fees: { amount: { amount: string } }[] }[] };
    const rows = (await (await fetch(done.url ?? '')).text()).trim().split('\n').map((l) => JSON.parse(l) as Row);
    expect(rows).toHaveLength(700);
    const counted = rows.filter((r) => !r.test && r.cancelledAt === null);
    const expected = sandbox.expectedTotals(US);
    expect([counted.length, rows.filter((r) => r.test).length]).toEqual([expected.orders, expected.testOrders]);
    // Every transaction is inline (a plain list), so fees are complete for many-transaction orders.
    expect(Math.max(...rows.map((r) => r.transactions.length))).toBeGreaterThanOrEqual(6);
    const fees = counted.flatMap((r) => r.transactions.filter((t) => t.status === 'SUCCESS' && ['SALE', 'CAPTURE'].includes(t.kind)).flatMap((t) => t.fees));
    expect(String(fees.reduce((sum, f) => sum + BigInt(f.amount.amount.replace('.', '')), 0n))).toBe(expected.fees?.replace('.', ''));
    const gross = counted.reduce((sum, r) => sum + BigInt(r.totalPriceSet.shopMoney.amount.replace('.', '')), 0n);
    expect(`${gross / 100n}.${String(gross % 100n).padStart(2, '0')}`).toBe(sandbox.expectedTotals(US).gross);
  });

  it('completes with url null and objectCount "0" when nothing matches', async () => {
    await run(`{ orders(query: "updated_at:>'2030-01-01T00:00:00Z'") { edges { node { id } } } }`);
    expect(await finished()).toMatchObject({ status: 'COMPLETED', objectCount: '0', url: null });
  });

  it('rejects invalid bulk queries with userErrors', async () => {
    expect((await run('{ orders { edges { node { nope } } } }')).userErrors[0]).toMatchObject({ code: 'INVALID', field: ['query'] });
    expect((await run('{ shop { name } }')).userErrors[0]?.message).toMatch(/top-level connection/);
    const deep = '{ products { edges { node { id variants { edges { node { id } } } } } } }';
    expect((await run(deep)).userErrors).toEqual([]);
    await finished();
  });
});
