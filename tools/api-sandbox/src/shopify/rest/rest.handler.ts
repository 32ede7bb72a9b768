import { jsonResponse, type SandboxResponse } from '../../common/http';
import { narrow } from '../dataset/order-search';
import type { ShopProfile } from '../dataset/dataset.types';
import type { ShopDataset } from '../dataset/shop-dataset';
import { decodePageInfo, encodePageInfo, firstPageState, linkHeader, RestParamError, type PageState } from './rest-paging';
import { formatOffset, zoneOffsetMinutes } from '../time-zones';
import { pickFields, restOrder, restProduct, restTransaction } from './rest-views';

export interface RestShop {
  profile: ShopProfile;
  dataset: ShopDataset;
}

export interface RestRequest {
  /** Path after `/admin/api/<version>/`, without `.json`: `orders`, `orders/123/transactions`, ... */
  resource: string;
  query: URLSearchParams;
  /** Absolute URL of this resource for Link headers (scheme, host and version as the client used). */
  selfUrl: string;
}

const NOT_FOUND = (): SandboxResponse => jsonResponse(404, { errors: 'Not Found' });

/** Read-only REST Admin resources: orders, orders/count, orders/{id}, orders/{id}/transactions, products, products/count, shop. */
export function handleRest(request: RestRequest, shop: RestShop): SandboxResponse {
  try {
    return route(request, shop);
  } catch (error) {
    if (error instanceof RestParamError) return jsonResponse(400, { errors: { [error.field]: [error.message] } });
    throw error;
  }
}

function route({ resource, query, selfUrl }: RestRequest, shop: RestShop): SandboxResponse {
  const { dataset, profile } = shop;
  if (resource === 'shop') {
    const offset = zoneOffsetMinutes(profile.timeZone, profile.end * 1000);
    return jsonResponse(200, {
      shop: {
        id: profile.seed, name: profile.name, domain: profile.domain, myshopify_domain: profile.domain, currency: profile.currency, plan_name: 'sandbox',
        iana_timezone: profile.timeZone, timezone: `(GMT${formatOffset(offset)}) ${profile.timeZone}`,
      },
    });
  }
  if (resource === 'orders') return listOrders(query, selfUrl, shop);
  if (resource === 'orders/count') {
    const state = firstPageState(query, (id) => dataset.indexOfId(id));
    return jsonResponse(200, { count: dataset.scan({ ...state, limit: Number.MAX_SAFE_INTEGER }).indices.length });
  }
  const single = /^orders\/(\d+)(\/transactions)?$/.exec(resource);
  if (single) {
    const index = dataset.indexOfId(Number(single[1]));
    if (index === undefined) return NOT_FOUND();
    const order = dataset.order(index);
    if (single[2]) return jsonResponse(200, { transactions: order.transactions.map((t) => restTransaction(t, order, profile)) });
    return jsonResponse(200, { order: pickFields(restOrder(order, profile), query.get('fields')) });
  }
  if (resource === 'products' || resource === 'products/count') return listProducts(resource, query, selfUrl, shop);
  return NOT_FOUND();
}

function limitOf(query: URLSearchParams): number {
  const raw = Number(query.get('limit') ?? 50);
  return Number.isFinite(raw) ? Math.min(250, Math.max(1, Math.floor(raw))) : 50;
}

/** With page_info only `limit` and `fields` may be sent (the other filters live in the cursor). */
function pageState(query: URLSearchParams, shop: RestShop): PageState {
  const token = query.get('page_info');
  if (token === null) return firstPageState(query, (id) => shop.dataset.indexOfId(id));
  const extra = [...query.keys()].filter((key) => !['page_info', 'limit', 'fields'].includes(key));
  if (extra.length > 0) throw new RestParamError('page_info', `cannot be combined with ${extra.join(', ')}; only limit and fields may be sent with page_info`);
  return decodePageInfo(token);
}

function listOrders(query: URLSearchParams, selfUrl: string, shop: RestShop): SandboxResponse {
  const { dataset, profile } = shop;
  const limit = limitOf(query);
  const state = pageState(query, shop);
  const backwards = state.direction === 'prev';
  const result = dataset.scan({ sortKey: state.sortKey, reverse: state.reverse !== backwards, filter: state.filter, after: state.position, limit });
  const indices = backwards ? [...result.indices].reverse() : result.indices;
  const hasNext = backwards ? true : result.hasMore;
  const hasPrev = backwards ? result.hasMore : state.position !== undefined;
  const positionOf = (index: number | undefined) => (index === undefined ? undefined : { key: dataset.sortKeyOf(state.sortKey, index), index });
  const first = positionOf(indices[0]);
  const last = positionOf(indices[indices.length - 1]);
  const next = hasNext && last ? encodePageInfo({ ...state, position: last, direction: 'next' }) : undefined;
  const prev = hasPrev && first ? encodePageInfo({ ...state, position: first, direction: 'prev' }) : undefined;
  const fields = query.get('fields');
  const link = linkHeader(selfUrl, limit, fields, prev, next);
  const orders = indices.map((index) => pickFields(restOrder(dataset.order(index), profile), fields));
  return jsonResponse(200, { orders }, link ? { Link: link } : {});
}

function listProducts(resource: string, query: URLSearchParams, selfUrl: string, shop: RestShop): SandboxResponse {
  const { dataset, profile } = shop;
  const limit = limitOf(query);
  const token = query.get('page_info');
  let state: { u?: [number, number]; c?: [number, number]; after: number; since?: number };
  if (token !== null) {
    try {
      state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof state;
    } catch {
      throw new RestParamError('page_info', 'Invalid value.');
    }
  } else {
    const range = (min: string, max: string): [number, number] | undefined => {
      const lo = query.get(min);
      const hi = query.get(max);
      if (lo === null && hi === null) return undefined;
      let r = narrow(undefined, '>=', lo === null ? 0 : Date.parse(lo));
      if (hi !== null) r = narrow(r, '<=', Date.parse(hi));
      if (Number.isNaN(r.lo) || Number.isNaN(r.hi)) throw new RestParamError(lo !== null ? min : max, 'is invalid');
      return [r.lo, r.hi];
    };
    const since = query.get('since_id');
    state = { u: range('updated_at_min', 'updated_at_max'), c: range('created_at_min', 'created_at_max'), after: -1, since: since === null ? undefined : Number(since) };
  }
  const matching = Array.from({ length: profile.productCount }, (_, i) => dataset.product(i)).filter(
    (p) => (!state.u || (p.updatedAt >= state.u[0] && p.updatedAt <= state.u[1])) && (!state.c || (p.createdAt >= state.c[0] && p.createdAt <= state.c[1])) && (state.since === undefined || p.id > state.since),
  );
  if (resource === 'products/count') return jsonResponse(200, { count: matching.length });
  const page = matching.filter((p) => p.index > state.after).slice(0, limit);
  const lastIndex = page[page.length - 1]?.index;
  const hasNext = lastIndex !== undefined && matching.some((p) => p.index > lastIndex);
  const next = hasNext ? Buffer.from(JSON.stringify({ ...state, after: lastIndex })).toString('base64url') : undefined;
  const fields = query.get('fields');
  const link = linkHeader(selfUrl, limit, fields, undefined, next);
  return jsonResponse(200, { products: page.map((p) => pickFields(restProduct(p, profile), fields)) }, link ? { Link: link } : {});
}
