import { startShopifySandbox } from '../shopify-sandbox';
import type { ShopifySandbox } from '../sandbox.types';
import { json, officialClient, rawGraphql, rawRest } from './official-client.spec-util';

const JP = 'acme-jp.myshopify.com';
const BH = 'acme-bh.myshopify.com';
const UK = 'acme-uk.myshopify.com';

interface Tx {
  id: string;
  kind: string;
  status: string;
  amountSet: { shopMoney: { amount: string } };
}
interface FigureOrder {
  id: string;
  legacyResourceId: string;
  cancelledAt: string | null;
  test: boolean;
  totalPriceSet: { shopMoney: { amount: string; currencyCode: string }; presentmentMoney: { amount: string; currencyCode: string } };
  transactions: Tx[];
}

const ORDERS = `query($after: String) { orders(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
  nodes { id legacyResourceId cancelledAt test totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    transactions { id kind status amountSet { shopMoney { amount } } } } } }`;

describe('cancelled, test and many-transaction orders; JPY, BHD and shop time zones', () => {
  let sandbox: ShopifySandbox;

  beforeAll(async () => {
    sandbox = await startShopifySandbox({
      rateLimits: 'off',
      shops: [
        { domain: JP, currency: 'JPY', orders: 700, seed: 21 },
        { domain: BH, currency: 'BHD', orders: 300, seed: 22 },
        { domain: UK, currency: 'GBP', orders: 50, seed: 23, timeZone: 'Europe/Dublin' },
      ],
    });
  });
  afterAll(() => sandbox.close());

  async function walk(domain: string): Promise<FigureOrder[]> {
    const { shopify, session } = officialClient(sandbox, domain);
    const client = new shopify.clients.Graphql({ session });
    const all: FigureOrder[] = [];
    let after: string | null = null;
    for (;;) {
      const response: { data?: { orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: FigureOrder[] } } } = await client.request(ORDERS, { variables: { after } });
      const page = response.data?.orders;
      if (!page) throw new Error('no orders');
      all.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  }

  it('serves ianaTimezone per shop (by currency, or as the spec sets it), in GraphQL and shop.json', async () => {
    const shopOf = async (domain: string) => (await json(await rawGraphql(sandbox, domain, '{ shop { currencyCode ianaTimezone timezoneAbbreviation timezoneOffset } }'))).data.shop;
    expect(await shopOf(JP)).toEqual({ currencyCode: 'JPY', ianaTimezone: 'Asia/Tokyo', timezoneAbbreviation: expect.any(String), timezoneOffset: '+0900' });
    expect(await shopOf(BH)).toMatchObject({ currencyCode: 'BHD', ianaTimezone: 'Asia/Bahrain', timezoneOffset: '+0300' });
    expect(await shopOf(UK)).toMatchObject({ ianaTimezone: 'Europe/Dublin' });
    expect((await json(await rawRest(sandbox, BH, 'shop.json'))).shop).toMatchObject({ currency: 'BHD', iana_timezone: 'Asia/Bahrain' });
    expect(sandbox.expectedTotals(UK).timeZone).toBe('Europe/Dublin');
  });

  it('renders JPY with no decimals and BHD with three, and totals them exactly', async () => {
    const jp = await walk(JP);
    expect(jp.every((o) => /^\d+$/.test(o.totalPriceSet.shopMoney.amount))).toBe(true);
    const bh = await walk(BH);
    expect(bh.every((o) => /^\d+\.\d{3}$/.test(o.totalPriceSet.shopMoney.amount) && o.totalPriceSet.shopMoney.currencyCode === 'BHD')).toBe(true);
    for (const [domain, orders, decimals] of [[JP, jp, 0], [BH, bh, 3]] as const) {
      const counted = orders.filter((o) => !o.test && o.cancelledAt === null);
      const gross = counted.reduce((sum, o) => sum + BigInt(o.totalPriceSet.shopMoney.amount.replace('.', '')), 0n);
      const expected = sandbox.expectedTotals(domain);
      expect(counted.length).toBe(expected.orders);
      expect(decimals === 0 ? String(gross) : `${gross / 1000n}.${String(gross % 1000n).padStart(3, '0')}`).toBe(expected.gross);
    }
  });

  it('has cancelled, test, many-transaction and other-presentment-currency orders by default', async () => {
    const orders = await walk(JP);
    expect(orders.filter((o) => o.cancelledAt !== null).length).toBeGreaterThan(5);
    expect(orders.some((o) => o.test)).toBe(true);
    expect(orders.some((o) => o.transactions.length >= 6)).toBe(true);
    const foreign = orders.filter((o) => o.totalPriceSet.presentmentMoney.currencyCode !== 'JPY');
    expect(foreign.length).toBeGreaterThan(20);
    expect(foreign.every((o) => o.totalPriceSet.shopMoney.currencyCode === 'JPY' && o.totalPriceSet.presentmentMoney.amount !== o.totalPriceSet.shopMoney.amount)).toBe(true);
    const { cancelledOrders, testOrders, orders: counted } = sandbox.expectedTotals(JP);
    expect(cancelledOrders + testOrders + counted).toBe(700);
  });

  it('returns every transaction without first, the first n with it, and all of them from order(id:)', async () => {
    const many = (await walk(JP)).find((o) => o.transactions.length >= 6);
    if (!many) throw new Error('no many-transaction order');
    const one = async (args: string) => (await json(await rawGraphql(sandbox, JP, `query($id: ID!) { order(id: $id) { transactions${args} { id kind status } } }`, { id: many.id }))).data.order.transactions as Tx[];
    expect((await one('')).map((t) => t.id)).toEqual(many.transactions.map((t) => t.id));
    expect(await one('(first: 2)')).toHaveLength(2);
    expect(many.transactions.map((t) => t.kind)).toEqual(expect.arrayContaining(['AUTHORIZATION', 'CAPTURE']));
  });

  it('shows the same orders over REST: cancelled_at, test and orders/{id}/transactions.json', async () => {
    const orders = await walk(BH);
    const cancelled = orders.find((o) => o.cancelledAt !== null);
    const many = orders.find((o) => o.transactions.length >= 6);
    if (!cancelled || !many) throw new Error('dataset lacks a cancelled or many-transaction order');
    const rest = (await json(await rawRest(sandbox, BH, `orders/${cancelled.legacyResourceId}.json`))).order;
    expect(Date.parse(rest.cancelled_at)).toBe(Date.parse(cancelled.cancelledAt ?? ''));
    expect(rest.cancelled_at).toMatch(/\+03:00$/);
    expect([rest.test, rest.total_price]).toEqual([cancelled.test, cancelled.totalPriceSet.shopMoney.amount]);
    const txs = (await json(await rawRest(sandbox, BH, `orders/${many.legacyResourceId}/transactions.json`))).transactions as { admin_graphql_api_id: string; kind: string; amount: string }[];
    expect(txs.map((t) => t.admin_graphql_api_id)).toEqual(many.transactions.map((t) => t.id));
    expect(txs.map((t) => t.amount)).toEqual(many.transactions.map((t) => t.amountSet.shopMoney.amount));
    const count = async (status: string) => (await json(await rawRest(sandbox, BH, `orders/count.json?status=${status}`))).count as number;
    expect(await count('cancelled')).toBe(orders.filter((o) => o.cancelledAt !== null).length);
  });
});
