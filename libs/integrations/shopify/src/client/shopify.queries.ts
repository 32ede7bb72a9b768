const TRANSACTION_FIELDS = `
    id
    kind
    status
    amountSet { shopMoney { amount currencyCode } }
    fees { amount { amount currencyCode } type }
`;

/**
 * Transactions a page query reads per order. `Order.transactions` is a plain list: an order that
 * fills it is read again whole (`ORDER_TRANSACTIONS_QUERY`), so fees are never cut off.
 */
export const TRANSACTIONS_PER_PAGE_ORDER = 5;

/** The order fields every sync reads; shared by paginated queries and bulk operations. */
const orderFields = (transactions: string) => `
  id
  name
  createdAt
  updatedAt
  processedAt
  cancelledAt
  test
  currencyCode
  displayFinancialStatus
  totalPriceSet { shopMoney { amount currencyCode } }
  totalRefundedSet { shopMoney { amount currencyCode } }
  ${transactions} { ${TRANSACTION_FIELDS} }
`;

const LINE_FIELDS = `id sku quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } }`;

export const ORDERS_PAGE_QUERY = `
query OrdersPage($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      ${orderFields(`transactions(first: ${TRANSACTIONS_PER_PAGE_ORDER})`)}
      lineItems(first: 10) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } }
    }
  }
}`;

/** The rest of an order's line items, when it has more than one page query carries. */
export const ORDER_LINES_QUERY = `
query OrderLines($id: ID!, $after: String) {
  order(id: $id) {
    lineItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${LINE_FIELDS} } }
  }
}`;

/** Every transaction of one order (the list takes no `first`: all of them). */
export const ORDER_TRANSACTIONS_QUERY = `
query OrderTransactions($id: ID!) {
  order(id: $id) { transactions { ${TRANSACTION_FIELDS} } }
}`;

export const SHOP_QUERY = `query Shop { shop { name currencyCode ianaTimezone } }`;

export const PRODUCTS_PAGE_QUERY = `
query ProductsPage($first: Int!, $after: String, $query: String) {
  products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { id title updatedAt }
  }
}`;

/** Bulk queries take no pagination arguments; nested connections become JSONL rows with `__parentId`. */
export const ORDERS_BULK_QUERY = `
{
  orders {
    edges { node {
      ${orderFields('transactions')}
      lineItems { edges { node { ${LINE_FIELDS} } } }
    } }
  }
}`;

export const BULK_RUN_MUTATION = `
mutation RunBulk($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status }
    userErrors { field message }
  }
}`;

export const BULK_STATUS_QUERY = `
query BulkStatus($id: ID!) {
  node(id: $id) {
    ... on BulkOperation { id status errorCode objectCount url createdAt completedAt }
  }
}`;

/** Shopify search syntax for "changed at or after": `updated_at:>='2026-11-01T00:00:00Z'`. */
export function updatedSince(isoTimestamp: string): string {
  return `updated_at:>='${isoTimestamp}'`;
}
