import { z } from 'zod';

/** Raw Admin GraphQL shapes the sync relies on. Parsed, not trusted: a mismatch is a malformed page. */
const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const Money = z.object({ amount: Decimal, currencyCode: z.string().regex(/^[A-Z]{3}$/) });
const MoneyBag = z.object({ shopMoney: Money });

export const RawTransactionSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  amountSet: MoneyBag,
  fees: z.array(z.object({ amount: Money, type: z.string().nullish() })).default([]),
});

export const RawLineItemSchema = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  quantity: z.number().int(),
  /** The quantity minus units removed from the order (refunded line items remove them). */
  currentQuantity: z.number().int().nonnegative(),
  originalUnitPriceSet: MoneyBag,
});

const OrderFields = {
  id: z.string().startsWith('gid://shopify/Order/'),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  processedAt: z.iso.datetime({ offset: true }).nullable(),
  cancelledAt: z.iso.datetime({ offset: true }).nullish(),
  test: z.boolean(),
  currencyCode: z.string(),
  displayFinancialStatus: z.string().nullable(),
  totalPriceSet: MoneyBag,
  totalRefundedSet: MoneyBag,
  transactions: z.array(RawTransactionSchema),
};

const PageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

const LineItemsPage = z.object({ pageInfo: PageInfo.optional(), nodes: z.array(RawLineItemSchema) });

export const RawOrderSchema = z.object({ ...OrderFields, lineItems: LineItemsPage });

export const OrderLinesSchema = z.object({ order: z.object({ lineItems: LineItemsPage.required() }).nullable() });

export const ShopSchema = z.object({
  shop: z.object({ name: z.string(), currencyCode: z.string().regex(/^[A-Z]{3}$/), ianaTimezone: z.string().min(1) }),
});

export const OrderTransactionsSchema = z.object({ order: z.object({ transactions: z.array(RawTransactionSchema) }).nullable() });

/** A bulk JSONL order row: the same fields, line items arrive as separate rows. */
export const RawBulkOrderSchema = z.object(OrderFields);
export const RawBulkLineItemSchema = RawLineItemSchema.extend({ __parentId: z.string() });

export const OrdersPageSchema = z.object({
  orders: z.object({ pageInfo: PageInfo, nodes: z.array(RawOrderSchema) }),
});

export const ProductsPageSchema = z.object({
  products: z.object({
    pageInfo: PageInfo,
    nodes: z.array(z.object({ id: z.string(), title: z.string(), updatedAt: z.iso.datetime({ offset: true }) })),
  }),
});

export const BulkOperationSchema = z.object({
  id: z.string(),
  status: z.enum(['CREATED', 'RUNNING', 'COMPLETED', 'CANCELING', 'CANCELED', 'FAILED', 'EXPIRED']),
  errorCode: z.string().nullish(),
  objectCount: z.union([z.string(), z.number()]).nullish(),
  url: z.string().nullish(),
  createdAt: z.string().nullish(),
  completedAt: z.string().nullish(),
});

export const BulkRunSchema = z.object({
  bulkOperationRunQuery: z.object({
    bulkOperation: z.object({ id: z.string(), status: z.string() }).nullable(),
    userErrors: z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() })),
  }),
});

export const BulkStatusSchema = z.object({ node: BulkOperationSchema.nullable() });

/** `extensions.cost` of every Admin GraphQL response. */
export const QueryCostSchema = z.object({
  requestedQueryCost: z.number(),
  actualQueryCost: z.number().nullable(),
  throttleStatus: z.object({
    maximumAvailable: z.number(),
    currentlyAvailable: z.number(),
    restoreRate: z.number(),
  }),
});

export type RawOrder = z.infer<typeof RawOrderSchema>;
export type RawBulkOrder = z.infer<typeof RawBulkOrderSchema>;
export type RawLineItem = z.infer<typeof RawLineItemSchema>;
export type RawTransaction = z.infer<typeof RawTransactionSchema>;
export type OrdersPage = z.infer<typeof OrdersPageSchema>;
export type ProductsPage = z.infer<typeof ProductsPageSchema>;
export type BulkOperation = z.infer<typeof BulkOperationSchema>;
export type QueryCost = z.infer<typeof QueryCostSchema>;
