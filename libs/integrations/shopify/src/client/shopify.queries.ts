/** The order fields every sync reads; shared by paginated queries and bulk operations. */
const ORDER_FIELDS = `
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
  transactions(first: 5) {
    id
    kind
    status
    amountSet { shopMoney { amount currencyCode } }
    fees { amount { amount currencyCode } type }
  }
`;

const LINE_FIELDS = `id sku quantity originalUnitPriceSet { shopMoney { amount currencyCode } }`;

export const ORDERS_PAGE_QUERY = `
query OrdersPage($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      ${ORDER_FIELDS}
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

export const SHOP_QUERY = `query Shop { shop { name currencyCode } }`;

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
      ${ORDER_FIELDS}
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
