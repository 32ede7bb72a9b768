import { GraphqlQueryError, HttpThrottlingError } from '@shopify/shopify-api';

import { startShopifySandbox } from '../shopify-sandbox';
import type { ShopifySandbox } from '../sandbox.types';
import { json, manualClock, officialClient, rawRest } from './official-client.spec-util';

const UK = 'acme-uk.myshopify.com';
// 2 + 20 x (node 1 + totalPriceSet 1 + shopMoney 1) = 62 points.
const QUERY = '{ orders(first: 20) { nodes { id totalPriceSet { shopMoney { amount } } } } }';

describe('rate limits', () => {
  let sandbox: ShopifySandbox;
  const clock = manualClock();

  beforeAll(async () => {
    sandbox = await startShopifySandbox({
      clock: clock.now,
      rateLimits: { bucketSize: 100, restoreRate: 50, rest: { bucketSize: 3, leakRate: 1 } },
      shops: [{ domain: UK, currency: 'GBP', orders: 100 }],
    });
  });
  afterAll(() => sandbox.close());

  it('answers THROTTLED (HTTP 200) when the GraphQL bucket lacks the requested cost, then recovers after refill', async () => {
    const { shopify, session } = officialClient(sandbox, UK);
    const client = new shopify.clients.Graphql({ session });
    const ok = await client.request(QUERY);
    expect(ok.extensions?.['cost']).toMatchObject({ requestedQueryCost: 62, actualQueryCost: 62, throttleStatus: { maximumAvailable: 100, currentlyAvailable: 38, restoreRate: 50 } });

    const throttled = await client.request(QUERY).catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(GraphqlQueryError);
    const body = (throttled as GraphqlQueryError).body as { errors: { graphQLErrors: { extensions: { code: string } }[] }; extensions: { cost: unknown } };
    expect(body.errors.graphQLErrors[0]?.extensions.code).toBe('THROTTLED');
    expect(body.extensions.cost).toEqual({ requestedQueryCost: 62, actualQueryCost: null, throttleStatus: { maximumAvailable: 100, currentlyAvailable: 38, restoreRate: 50 } });
    expect(sandbox.requests[sandbox.requests.length - 1]?.status).toBe(200);

    clock.advance(1000);
    const again = await client.request(QUERY);
    expect(again.extensions?.['cost']).toMatchObject({ throttleStatus: { currentlyAvailable: 26 } });
  });

  it('counts REST calls in X-Shopify-Shop-Api-Call-Limit and answers 429 + Retry-After: 2.0 on overflow', async () => {
    const limits: (string | null)[] = [];
    for (let i = 0; i < 3; i++) limits.push((await rawRest(sandbox, UK, 'orders.json?limit=1')).headers.get('x-shopify-shop-api-call-limit'));
    expect(limits).toEqual(['1/3', '2/3', '3/3']);
    const over = await rawRest(sandbox, UK, 'orders.json?limit=1');
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('2.0');
    expect(over.headers.get('x-shopify-shop-api-call-limit')).toBe('3/3');
    expect(await json(over)).toEqual({ errors: 'Exceeded 1 calls per second for api client. Reduce request rates to resume uninterrupted service.' });

    const { shopify, session } = officialClient(sandbox, UK);
    const error = await new shopify.clients.Rest({ session }).get({ path: 'orders', query: { limit: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpThrottlingError);
    expect((error as HttpThrottlingError).response.retryAfter).toBe(2);

    clock.advance(1000);
    expect((await rawRest(sandbox, UK, 'orders.json?limit=1')).headers.get('x-shopify-shop-api-call-limit')).toBe('3/3');
  });
});
