import { getOperationAST, parse } from 'graphql';

import { queryCost } from './query-cost';
import { shopifyAdminSchema } from './schema';

const cost = (query: string, data?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return queryCost({ schema: shopifyAdminSchema(), fragments: {}, variables: {} }, operation, data);
};

describe('queryCost', () => {
  it.each([
    ['{ shop { name } }', 1],
    ['{ orders(first: 10) { nodes { id } } }', 12],
    ['{ orders(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage } } }', 12],
    ['{ orders(first: 10) { nodes { totalPriceSet { shopMoney { amount } } } } }', 32],
    ['{ orders(first: 2) { nodes { lineItems(first: 5) { nodes { sku } } } } }', 2 + 2 * (1 + 2 + 5)],
    ['{ orders(first: 1) { nodes { transactions(first: 3) { fees { type } } } } }', 2 + 1 * (1 + 3 * (1 + 1))],
    ['mutation { bulkOperationRunQuery(query: "{ orders { edges { node { id } } } }") { userErrors { message } } }', 10],
  ])('%s costs %d', (query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('counts returned items for the actual cost', () => {
    expect(cost('{ orders(first: 10) { nodes { id } } }', { orders: { nodes: [{ id: 'a' }, { id: 'b' }] } })).toBe(4);
  });
});
