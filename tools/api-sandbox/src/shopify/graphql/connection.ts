import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 250;

/** Arguments every Shopify connection accepts. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** Set while a bulk operation runs: sizes are not required, the root connection pages internally. */
export interface BulkPaging {
  after?: string;
  pageSize: number;
  endCursor?: string;
  hasNextPage: boolean;
}

export interface PageInfoView {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionView<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfoView;
}

/** Opaque cursors in Shopify's style: base64 of a small JSON object. */
export function encodeCursor(value: Record<string, number | string>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

export function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
}

/**
 * Validates first/last like Shopify: one of them is required (outside bulk operations) and
 * neither may exceed 250. Returns the page size and direction.
 */
export function pageSize(args: PageArgs, bulk: boolean): { size: number; backwards: boolean } {
  if (bulk) return { size: Number.MAX_SAFE_INTEGER, backwards: false };
  if (args.first == null && args.last == null) throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  if (args.first != null && args.last != null) throw new GraphQLError('providing both first and last is not supported', { extensions: { code: 'BAD_REQUEST' } });
  const size = (args.first ?? args.last) as number;
  if (size > MAX_PAGE_SIZE || size < 0) throw new GraphQLError(`The ${args.first != null ? 'first' : 'last'} argument must be between 0 and ${MAX_PAGE_SIZE}.`, { extensions: { code: 'BAD_REQUEST' } });
  return { size, backwards: args.last != null };
}

export function connection<T>(items: { cursor: string; node: T }[], hasNextPage: boolean, hasPreviousPage: boolean): ConnectionView<T> {
  return {
    edges: items,
    nodes: items.map((item) => item.node),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: items[0]?.cursor ?? null, endCursor: items[items.length - 1]?.cursor ?? null },
  };
}

/** Offset-cursor connection over a small in-memory list (line items, variants, products). */
export function arrayConnection<T>(all: readonly T[], args: PageArgs, bulk: boolean): ConnectionView<T> {
  const { size, backwards } = pageSize(args, bulk);
  const list = args.reverse ? [...all].reverse() : [...all];
  const offsetOf = (cursor: string): number => {
    const value = decodeCursor(cursor)['last_id'];
    if (typeof value !== 'number') throw new GraphQLError('Invalid cursor for current pagination sort.');
    return value;
  };
  let start = args.after ? offsetOf(args.after) + 1 : 0;
  let end = args.before ? offsetOf(args.before) : list.length;
  if (backwards) start = Math.max(start, end - size);
  else end = Math.min(end, start + size);
  const items = list.slice(start, end).map((node, k) => ({ cursor: encodeCursor({ last_id: start + k }), node }));
  return connection(items, end < list.length, start > 0);
}
