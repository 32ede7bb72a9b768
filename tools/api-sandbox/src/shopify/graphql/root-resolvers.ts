import { GraphQLError, type GraphQLResolveInfo } from 'graphql';

import { PRODUCT_ID_BASE } from '../dataset/catalogue';
import { formatOffset, zoneAbbreviation, zoneOffsetMinutes } from '../time-zones';
import type { OrderSortKey, ScanPosition } from '../dataset/shop-dataset';
import { parseOrderSearch } from '../dataset/order-search';
import { arrayConnection, connection, decodeCursor, encodeCursor, pageSize, type ConnectionView, type PageArgs } from './connection';
import type { GraphqlContext } from './graphql-context';
import { gid, orderView, parseGid, productView } from './graphql-views';

interface ListArgs extends PageArgs {
  query?: string | null;
  sortKey?: string | null;
}

/** While a bulk operation runs, its root connection is paged by the runner, not by the query. */
function withBulkPaging(args: ListArgs, ctx: GraphqlContext, info: GraphQLResolveInfo): { args: ListArgs; bulkRoot: boolean } {
  if (!ctx.bulk || info.path.prev !== undefined) return { args, bulkRoot: false };
  return { args: { ...args, first: ctx.bulk.pageSize, after: ctx.bulk.after ?? null, last: null, before: null }, bulkRoot: true };
}

function recordBulkPage<T>(view: ConnectionView<T>, ctx: GraphqlContext, bulkRoot: boolean): ConnectionView<T> {
  if (bulkRoot && ctx.bulk) {
    ctx.bulk.endCursor = view.pageInfo.endCursor ?? undefined;
    ctx.bulk.hasNextPage = view.pageInfo.hasNextPage;
  }
  return view;
}

function searchFilter(ctx: GraphqlContext, field: string, query: string | null | undefined) {
  const { filter, warnings } = parseOrderSearch(query);
  if (warnings.length > 0) ctx.searchWarnings.push({ path: [field], query: query ?? '', warnings });
  return filter;
}

function orders(rawArgs: ListArgs, ctx: GraphqlContext, info: GraphQLResolveInfo) {
  const { args, bulkRoot } = withBulkPaging(rawArgs, ctx, info);
  const { size, backwards } = pageSize(args, ctx.bulk !== undefined && !bulkRoot);
  const sortKey: OrderSortKey = args.sortKey === 'UPDATED_AT' ? 'UPDATED_AT' : args.sortKey === 'ID' || !args.sortKey ? 'ID' : 'CREATED_AT';
  const dataset = ctx.shop.dataset;
  const filter = searchFilter(ctx, 'orders', args.query);
  const position = (cursor: string | null | undefined): ScanPosition | undefined => {
    if (!cursor) return undefined;
    const decoded = decodeCursor(cursor);
    const index = dataset.indexOfId(Number(decoded['last_id']));
    if (index === undefined || typeof decoded['last_value'] !== 'number') throw new GraphQLError('Invalid cursor for current pagination sort.');
    return { key: decoded['last_value'], index };
  };
  const reverse = Boolean(args.reverse) !== backwards;
  const result = dataset.scan({ sortKey, reverse, filter, after: position(backwards ? args.before : args.after), limit: size });
  const indices = backwards ? [...result.indices].reverse() : result.indices;
  const items = indices.map((index) => {
    const order = dataset.order(index);
    return { cursor: encodeCursor({ last_id: order.id, last_value: dataset.sortKeyOf(sortKey, index) }), node: orderView(order) };
  });
  const hasMoreInDirection = result.hasMore;
  const hasNext = backwards ? Boolean(args.before) : hasMoreInDirection;
  const hasPrevious = backwards ? hasMoreInDirection : Boolean(args.after);
  return recordBulkPage(connection(items, hasNext, hasPrevious), ctx, bulkRoot);
}

function products(rawArgs: ListArgs, ctx: GraphqlContext, info: GraphQLResolveInfo) {
  const { args, bulkRoot } = withBulkPaging(rawArgs, ctx, info);
  const { profile, dataset } = ctx.shop;
  const filter = searchFilter(ctx, 'products', args.query);
  const all = Array.from({ length: profile.productCount }, (_, i) => dataset.product(i)).filter(
    (p) => (!filter.updated || (p.updatedAt >= filter.updated.lo && p.updatedAt <= filter.updated.hi)) && (!filter.created || (p.createdAt >= filter.created.lo && p.createdAt <= filter.created.hi)),
  );
  if (args.sortKey === 'UPDATED_AT') all.sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id);
  if (args.sortKey === 'TITLE') all.sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id);
  const view = arrayConnection(all.map((p) => productView(p, profile)), args, ctx.bulk !== undefined && !bulkRoot);
  return recordBulkPage(view, ctx, bulkRoot);
}

function nodeById(id: string, ctx: GraphqlContext): unknown {
  const parsed = parseGid(id);
  const { dataset, profile } = ctx.shop;
  if (!parsed) return null;
  if (parsed.type === 'Order') {
    const index = dataset.indexOfId(parsed.id);
    return index === undefined ? null : orderView(dataset.order(index));
  }
  if (parsed.type === 'Product') {
    const index = parsed.id - PRODUCT_ID_BASE - 1;
    return index >= 0 && index < profile.productCount ? productView(dataset.product(index), profile) : null;
  }
  if (parsed.type === 'BulkOperation') return ctx.shop.bulk.get(id);
  if (parsed.type === 'Shop') return shopView(ctx);
  return null;
}

/** The shop; zone abbreviation and offset are those in force at the sandbox's reference date. */
function shopView(ctx: GraphqlContext) {
  const { profile } = ctx.shop;
  const at = profile.end * 1000;
  const offset = zoneOffsetMinutes(profile.timeZone, at);
  return {
    __typename: 'Shop',
    id: gid('Shop', profile.seed),
    name: profile.name,
    myshopifyDomain: profile.domain,
    currencyCode: profile.currency,
    ianaTimezone: profile.timeZone,
    timezoneAbbreviation: zoneAbbreviation(profile.timeZone, at),
    timezoneOffset: formatOffset(offset).replace(':', ''),
    timezoneOffsetMinutes: offset,
  };
}

/** The root value handed to graphql-js: one function per Query and Mutation field. */
export const rootValue = {
  shop: (_: unknown, ctx: GraphqlContext) => shopView(ctx),
  node: ({ id }: { id: string }, ctx: GraphqlContext) => nodeById(id, ctx),
  nodes: ({ ids }: { ids: string[] }, ctx: GraphqlContext) => ids.map((id) => nodeById(id, ctx)),
  order: ({ id }: { id: string }, ctx: GraphqlContext) => (parseGid(id)?.type === 'Order' ? nodeById(id, ctx) : null),
  product: ({ id }: { id: string }, ctx: GraphqlContext) => (parseGid(id)?.type === 'Product' ? nodeById(id, ctx) : null),
  orders,
  products,
  currentBulkOperation: (_: unknown, ctx: GraphqlContext) => ctx.shop.bulk.current(),
  bulkOperationRunQuery: ({ query }: { query: string }, ctx: GraphqlContext) => ctx.shop.bulk.run(query),
  bulkOperationCancel: ({ id }: { id: string }, ctx: GraphqlContext) => ctx.shop.bulk.cancel(id),
};
