import { narrow } from '../dataset/order-search';
import type { OrderFilter, OrderSortKey, ScanPosition } from '../dataset/shop-dataset';

/** Everything a REST page_info cursor carries: the filters of the first request plus a position. */
export interface PageState {
  filter: OrderFilter;
  sortKey: OrderSortKey;
  reverse: boolean;
  position?: ScanPosition;
  direction: 'next' | 'prev';
}

interface EncodedState {
  f: { u?: [number, number]; c?: [number, number]; s?: OrderFilter['status']; i?: number; ids?: number[] };
  k: OrderSortKey;
  r: boolean;
  p?: [number, number];
  d: 'next' | 'prev';
}

export class RestParamError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export function encodePageInfo(state: PageState): string {
  const { filter } = state;
  const encoded: EncodedState = {
    f: {
      u: filter.updated && [filter.updated.lo, filter.updated.hi],
      c: filter.created && [filter.created.lo, filter.created.hi],
      s: filter.status,
      i: filter.sinceId,
      ids: filter.ids && [...filter.ids],
    },
    k: state.sortKey,
    r: state.reverse,
    p: state.position && [state.position.key, state.position.index],
    d: state.direction,
  };
  return Buffer.from(JSON.stringify(encoded)).toString('base64url');
}

export function decodePageInfo(token: string): PageState {
  let e: EncodedState;
  try {
    e = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as EncodedState;
  } catch {
    throw new RestParamError('page_info', 'Invalid value.');
  }
  if (!e || typeof e !== 'object' || !e.f || !e.k) throw new RestParamError('page_info', 'Invalid value.');
  const filter: OrderFilter = {
    updated: e.f.u && { lo: e.f.u[0], hi: e.f.u[1] },
    created: e.f.c && { lo: e.f.c[0], hi: e.f.c[1] },
    status: e.f.s,
    sinceId: e.f.i,
    ids: e.f.ids && new Set(e.f.ids),
  };
  return { filter, sortKey: e.k, reverse: e.r, position: e.p && { key: e.p[0], index: e.p[1] }, direction: e.d };
}

const SORTS: Record<string, OrderSortKey> = { updated_at: 'UPDATED_AT', created_at: 'CREATED_AT', processed_at: 'CREATED_AT', id: 'ID' };

function dateParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new RestParamError(name, 'is invalid');
  return ms;
}

/**
 * Reads a first-page request's filters: `status` (default open), `updated_at_min/max`,
 * `created_at_min/max`, `processed_at_min/max` (inclusive), `since_id`, `ids`, and
 * `order` (`<field> asc|desc`; default `id desc`, `id asc` with `since_id`).
 */
export function firstPageState(query: URLSearchParams, indexOfId: (id: number) => number | undefined): PageState {
  const filter: OrderFilter = { status: 'open' };
  const status = query.get('status');
  if (status) {
    if (!['open', 'closed', 'cancelled', 'any'].includes(status)) throw new RestParamError('status', 'is invalid');
    filter.status = status as OrderFilter['status'];
  }
  for (const [param, key, op] of [
    ['updated_at_min', 'updated', '>='], ['updated_at_max', 'updated', '<='],
    ['created_at_min', 'created', '>='], ['created_at_max', 'created', '<='],
    ['processed_at_min', 'created', '>='], ['processed_at_max', 'created', '<='],
  ] as const) {
    const ms = dateParam(query, param);
    if (ms !== undefined) filter[key] = narrow(filter[key], op, ms);
  }
  const sinceId = query.get('since_id');
  if (sinceId !== null) filter.sinceId = Number(sinceId);
  const ids = query.get('ids');
  if (ids) filter.ids = new Set(ids.split(',').map((id) => indexOfId(Number(id.trim()))).filter((i): i is number => i !== undefined));
  const [field = 'id', direction = 'desc'] = (query.get('order') ?? (sinceId !== null ? 'id asc' : 'id desc')).trim().split(/\s+/);
  const sortKey = SORTS[field];
  if (!sortKey) throw new RestParamError('order', 'is invalid');
  return { filter, sortKey, reverse: direction.toLowerCase() === 'desc', direction: 'next' };
}

/** `Link` header value with optional previous and next links, as Shopify formats it. */
export function linkHeader(base: string, limit: number, fields: string | null, prev?: string, next?: string): string | undefined {
  const url = (token: string) => `${base}?limit=${limit}${fields ? `&fields=${encodeURIComponent(fields)}` : ''}&page_info=${token}`;
  const parts = [prev && `<${url(prev)}>; rel="previous"`, next && `<${url(next)}>; rel="next"`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
