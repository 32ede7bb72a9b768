import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * A subset of the Shopify Admin GraphQL schema (2026-07). Field names, nullability and
 * argument names follow shopify.dev; anything not listed here is a validation error, exactly
 * as an unknown field would be on Shopify.
 */
export const SHOPIFY_ADMIN_SDL = /* GraphQL */ `
  scalar DateTime
  scalar Decimal
  scalar Money
  scalar URL
  scalar UnsignedInt64

  enum CurrencyCode { GBP EUR USD CAD AUD NZD CHF SEK DKK NOK PLN JPY BHD }
  enum OrderSortKeys { UPDATED_AT CREATED_AT PROCESSED_AT ID }
  enum ProductSortKeys { ID UPDATED_AT TITLE }
  enum OrderDisplayFinancialStatus { PENDING AUTHORIZED PARTIALLY_PAID PARTIALLY_REFUNDED VOIDED PAID REFUNDED EXPIRED }
  enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY STAFF OTHER }
  enum OrderDisplayFulfillmentStatus { FULFILLED UNFULFILLED PARTIALLY_FULFILLED }
  enum OrderTransactionKind { SALE CAPTURE AUTHORIZATION REFUND VOID CHANGE EMV_AUTHORIZATION SUGGESTED_REFUND }
  enum OrderTransactionStatus { SUCCESS FAILURE PENDING ERROR AWAITING_RESPONSE UNKNOWN }
  enum ProductStatus { ACTIVE ARCHIVED DRAFT }
  enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }
  enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
  enum BulkOperationType { QUERY MUTATION }
  enum BulkOperationUserErrorCode { INVALID OPERATION_IN_PROGRESS LIMIT_REACHED }

  interface Node { id: ID! }

  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
  type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }

  type Shop implements Node {
    id: ID! name: String! myshopifyDomain: String! currencyCode: CurrencyCode! ianaTimezone: String!
    timezoneAbbreviation: String! timezoneOffset: String! timezoneOffsetMinutes: Int!
  }

  type LineItem implements Node {
    id: ID! sku: String name: String! title: String! quantity: Int! currentQuantity: Int!
    originalUnitPriceSet: MoneyBag! originalTotalSet: MoneyBag! discountedUnitPriceSet: MoneyBag!
    product: Product variant: ProductVariant
  }
  type LineItemEdge { cursor: String! node: LineItem! }
  type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }

  type TransactionFee implements Node {
    id: ID! amount: MoneyV2! flatFee: MoneyV2! flatFeeName: String rate: Decimal! rateName: String
    taxAmount: MoneyV2! type: String!
  }
  type OrderTransaction implements Node {
    id: ID! kind: OrderTransactionKind! status: OrderTransactionStatus! gateway: String
    amountSet: MoneyBag! createdAt: DateTime! processedAt: DateTime test: Boolean! fees: [TransactionFee!]!
  }
  type Refund implements Node {
    id: ID! legacyResourceId: UnsignedInt64! createdAt: DateTime updatedAt: DateTime! note: String
    totalRefundedSet: MoneyBag!
    refundLineItems(first: Int, after: String): RefundLineItemConnection!
  }
  type RefundLineItem { id: ID! quantity: Int! restockType: String! lineItem: LineItem! }
  type RefundLineItemEdge { cursor: String! node: RefundLineItem! }
  type RefundLineItemConnection { edges: [RefundLineItemEdge!]! nodes: [RefundLineItem!]! pageInfo: PageInfo! }

  type Order implements Node {
    id: ID! legacyResourceId: UnsignedInt64! name: String! createdAt: DateTime! updatedAt: DateTime!
    processedAt: DateTime! closedAt: DateTime cancelledAt: DateTime cancelReason: OrderCancelReason closed: Boolean!
    currencyCode: CurrencyCode! presentmentCurrencyCode: CurrencyCode! test: Boolean!
    tags: [String!]! note: String
    displayFinancialStatus: OrderDisplayFinancialStatus displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
    totalPriceSet: MoneyBag! subtotalPriceSet: MoneyBag totalTaxSet: MoneyBag totalRefundedSet: MoneyBag!
    currentTotalPriceSet: MoneyBag! totalDiscountsSet: MoneyBag
    lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
    refunds(first: Int): [Refund!]!
    transactions(first: Int, capped: Boolean = false, manuallyResolvable: Boolean): [OrderTransaction!]!
  }
  type OrderEdge { cursor: String! node: Order! }
  type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }

  type ProductVariant implements Node { id: ID! legacyResourceId: UnsignedInt64! sku: String title: String! price: Money! }
  type ProductVariantEdge { cursor: String! node: ProductVariant! }
  type ProductVariantConnection { edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo! }
  type Product implements Node {
    id: ID! legacyResourceId: UnsignedInt64! title: String! handle: String! status: ProductStatus!
    vendor: String! tags: [String!]! createdAt: DateTime! updatedAt: DateTime!
    variants(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): ProductVariantConnection!
  }
  type ProductEdge { cursor: String! node: Product! }
  type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! }

  type BulkOperation implements Node {
    id: ID! status: BulkOperationStatus! errorCode: BulkOperationErrorCode objectCount: UnsignedInt64!
    rootObjectCount: UnsignedInt64! fileSize: UnsignedInt64 url: URL partialDataUrl: URL query: String!
    type: BulkOperationType! createdAt: DateTime! completedAt: DateTime
  }
  type BulkOperationUserError { code: BulkOperationUserErrorCode field: [String!] message: String! }
  type BulkOperationRunQueryPayload { bulkOperation: BulkOperation userErrors: [BulkOperationUserError!]! }
  type BulkOperationCancelPayload { bulkOperation: BulkOperation userErrors: [BulkOperationUserError!]! }

  type Query {
    shop: Shop!
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
    order(id: ID!): Order
    orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys = ID, reverse: Boolean = false): OrderConnection!
    product(id: ID!): Product
    products(first: Int, after: String, last: Int, before: String, query: String, sortKey: ProductSortKeys = ID, reverse: Boolean = false): ProductConnection!
    currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
  }
  type Mutation {
    bulkOperationRunQuery(query: String!, groupObjects: Boolean = false): BulkOperationRunQueryPayload
    bulkOperationCancel(id: ID!): BulkOperationCancelPayload
  }
`;

let cached: GraphQLSchema | undefined;

export function shopifyAdminSchema(): GraphQLSchema {
  cached ??= buildSchema(SHOPIFY_ADMIN_SDL);
  return cached;
}
