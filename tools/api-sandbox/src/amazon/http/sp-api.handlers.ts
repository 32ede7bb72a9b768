import { jsonResponse, type SandboxResponse } from '../../common/http';
import type { AmazonOperation } from '../amazon.types';
import type { MarketplaceData } from '../dataset/dataset.types';
import type { NextTokens } from './next-tokens';
import { inventorySummaryView, orderView, shipmentItemView, shipmentView } from './sp-api-views';

const INVENTORY_PAGE = 50;
const SHIPMENTS_PAGE = 50;
const INVENTORY_TOKEN_TTL_MS = 30_000;
const ORDERS_TOKEN_TTL_MS = 24 * 3_600_000;
const SHIPMENTS_TOKEN_TTL_MS = 3_600_000;
const TWO_MINUTES_MS = 120_000;

export interface ApiState {
  marketplaces: ReadonlyMap<string, MarketplaceData>;
  tokens: NextTokens;
  now: () => number;
}

/** The SP-API error body: `{"errors":[{code,message,details}]}`. */
export function spError(status: number, code: string, message: string, details = ''): SandboxResponse {
  return jsonResponse(status, { errors: [{ code, message, details }] });
}

const invalid = (message: string) => spError(400, 'InvalidInput', message);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Which operation a path and method name; undefined for a path the sandbox does not serve. */
export function operationOf(method: string, path: string): { operation: AmazonOperation; shipmentId?: string } | undefined {
  if (method !== 'GET') return undefined;
  if (path === '/fba/inventory/v1/summaries') return { operation: 'getInventorySummaries' };
  if (path === '/orders/2026-01-01/orders') return { operation: 'searchOrders' };
  if (path === '/fba/inbound/v0/shipments') return { operation: 'getShipments' };
  const items = /^\/fba\/inbound\/v0\/shipments\/([^/]+)\/items$/.exec(path);
  return items ? { operation: 'getShipmentItemsByShipmentId', shipmentId: decodeURIComponent(items[1]) } : undefined;
}

/** The marketplace a request is about, for faults and the request log. */
export function marketplaceOf(query: URLSearchParams): string | undefined {
  return query.get('marketplaceIds') ?? query.get('MarketplaceId') ?? undefined;
}

function bindingOf(query: URLSearchParams, ignore: readonly string[]): string {
  return JSON.stringify([...query.entries()].filter(([key]) => !ignore.includes(key)).sort(([a], [b]) => a.localeCompare(b)));
}

/** `GET /fba/inventory/v1/summaries`: 50 per page; `startDateTime` must be re-sent with `nextToken`. */
export function getInventorySummaries(query: URLSearchParams, state: ApiState): SandboxResponse {
  const marketplaceId = query.get('marketplaceIds');
  if (query.get('granularityType') !== 'Marketplace') return invalid('granularityType must be Marketplace.');
  if (!marketplaceId || query.get('granularityId') !== marketplaceId) return invalid('granularityId and marketplaceIds must name the same marketplace.');
  const data = state.marketplaces.get(marketplaceId);
  if (!data) return invalid(`Invalid marketplaceIds: ${marketplaceId}.`);
  const start = query.get('startDateTime');
  const startMs = start ? Date.parse(start) : undefined;
  if (start && Number.isNaN(startMs)) return invalid('startDateTime is not a valid ISO 8601 date.');
  if (startMs !== undefined && startMs < state.now() - 548 * 86_400_000) return invalid('startDateTime cannot be earlier than 18 months ago.');
  let offset = 0;
  const token = query.get('nextToken');
  const binding = bindingOf(query, ['nextToken']);
  if (token) {
    const page = state.tokens.redeem('getInventorySummaries', binding, token);
    if (typeof page === 'string') return invalid(page);
    offset = page.offset;
  }
  const matching = startMs === undefined ? data.inventory : data.inventory.filter((i) => Date.parse(i.lastUpdatedTime) >= startMs);
  const page = matching.slice(offset, offset + INVENTORY_PAGE);
  const more = offset + INVENTORY_PAGE < matching.length;
  const details = query.get('details') === 'true';
  return jsonResponse(200, {
    pagination: more ? { nextToken: state.tokens.issue('getInventorySummaries', binding, { offset: offset + INVENTORY_PAGE }, INVENTORY_TOKEN_TTL_MS) } : {},
    payload: {
      granularity: { granularityType: 'Marketplace', granularityId: marketplaceId },
      inventorySummaries: page.map((item) => inventorySummaryView(item, details)),
    },
  });
}

/** `GET /orders/2026-01-01/orders` (searchOrders): exactly one of createdAfter / lastUpdatedAfter; the end at least 2 minutes ago. */
export function searchOrders(query: URLSearchParams, state: ApiState): SandboxResponse {
  const ids = (query.get('marketplaceIds') ?? '').split(',').filter(Boolean);
  if (ids.length === 0) return invalid('marketplaceIds is required.');
  const unknown = ids.find((id) => !state.marketplaces.has(id));
  if (unknown) return invalid(`Invalid marketplaceIds: ${unknown}.`);
  const created = query.get('createdAfter');
  const updated = query.get('lastUpdatedAfter');
  if (Boolean(created) === Boolean(updated)) return invalid('Exactly one of createdAfter and lastUpdatedAfter must be provided.');
  const byUpdate = Boolean(updated);
  const afterMs = Date.parse((updated ?? created) as string);
  if (Number.isNaN(afterMs)) return invalid('createdAfter/lastUpdatedAfter is not a valid ISO 8601 date.');
  const beforeParam = query.get(byUpdate ? 'lastUpdatedBefore' : 'createdBefore');
  const size = Number(query.get('maxResultsPerPage') ?? 100);
  if (!Number.isInteger(size) || size < 1 || size > 100) return invalid('maxResultsPerPage must be between 1 and 100.');
  const latest = state.now() - TWO_MINUTES_MS;
  let until = beforeParam ? Date.parse(beforeParam) : latest;
  if (Number.isNaN(until)) return invalid('lastUpdatedBefore/createdBefore is not a valid ISO 8601 date.');
  if (until > latest) return invalid(`${byUpdate ? 'lastUpdatedBefore' : 'createdBefore'} must be at least 2 minutes before the time of the request.`);
  let offset = 0;
  const token = query.get('paginationToken');
  const binding = bindingOf(query, ['paginationToken', 'maxResultsPerPage', 'includedData']);
  if (token) {
    const page = state.tokens.redeem('searchOrders', binding, token);
    if (typeof page === 'string') return invalid(page);
    offset = page.offset;
    until = page.until ?? until;
  }
  const timeOf = (o: { createdTime: string; lastUpdatedTime: string }) => Date.parse(byUpdate ? o.lastUpdatedTime : o.createdTime);
  const matching = ids
    .flatMap((id) => state.marketplaces.get(id)?.orders ?? [])
    .filter((o) => timeOf(o) >= afterMs && timeOf(o) <= until)
    .sort((a, b) => timeOf(a) - timeOf(b) || a.orderId.localeCompare(b.orderId));
  const included = new Set((query.get('includedData') ?? '').split(',').filter(Boolean));
  const page = matching.slice(offset, offset + size);
  const more = offset + size < matching.length;
  return jsonResponse(200, {
    orders: page.map((o) => orderView(o, included)),
    ...(more ? { pagination: { nextToken: state.tokens.issue('searchOrders', binding, { offset: offset + size, until }, ORDERS_TOKEN_TTL_MS) } } : {}),
    [byUpdate ? 'lastUpdatedBefore' : 'createdBefore']: iso(until),
  });
}

/** `GET /fba/inbound/v0/shipments`: QueryType DATE_RANGE (both bounds) or NEXT_TOKEN. */
export function getShipments(query: URLSearchParams, state: ApiState): SandboxResponse {
  const marketplaceId = query.get('MarketplaceId');
  const data = marketplaceId ? state.marketplaces.get(marketplaceId) : undefined;
  if (!data) return invalid('MarketplaceId is missing or unknown.');
  const type = query.get('QueryType');
  let offset = 0;
  let window: { after: number; before: number };
  if (type === 'NEXT_TOKEN') {
    const token = query.get('NextToken');
    if (!token) return invalid('NextToken is required when QueryType is NEXT_TOKEN.');
    const page = state.tokens.redeem('getShipments', marketplaceId as string, token);
    if (typeof page === 'string') return invalid(page);
    offset = page.offset;
    if (!page.window) return invalid('Invalid NextToken.');
    window = page.window;
  } else if (type === 'DATE_RANGE') {
    const after = Date.parse(query.get('LastUpdatedAfter') ?? '');
    const before = Date.parse(query.get('LastUpdatedBefore') ?? '');
    if (Number.isNaN(after) || Number.isNaN(before)) return invalid('LastUpdatedAfter and LastUpdatedBefore are required when QueryType is DATE_RANGE.');
    if (before < after) return invalid('LastUpdatedBefore must not be earlier than LastUpdatedAfter.');
    window = { after, before };
  } else {
    return invalid('QueryType must be SHIPMENT, DATE_RANGE or NEXT_TOKEN (the sandbox serves DATE_RANGE and NEXT_TOKEN).');
  }
  const matching = data.shipments.filter((s) => Date.parse(s.lastUpdatedTime) >= window.after && Date.parse(s.lastUpdatedTime) <= window.before);
  const page = matching.slice(offset, offset + SHIPMENTS_PAGE);
  const more = offset + SHIPMENTS_PAGE < matching.length;
  const nextToken = more ? state.tokens.issue('getShipments', marketplaceId as string, { offset: offset + SHIPMENTS_PAGE, window }, SHIPMENTS_TOKEN_TTL_MS) : undefined;
  return jsonResponse(200, { payload: { ShipmentData: page.map(shipmentView), ...(nextToken ? { NextToken: nextToken } : {}) } });
}

/** `GET /fba/inbound/v0/shipments/{shipmentId}/items`. */
export function getShipmentItems(shipmentId: string, query: URLSearchParams, state: ApiState): SandboxResponse {
  const marketplaceId = query.get('MarketplaceId');
  const shipments = marketplaceId ? (state.marketplaces.get(marketplaceId)?.shipments ?? []) : [...state.marketplaces.values()].flatMap((m) => m.shipments);
  const shipment = shipments.find((s) => s.shipmentId === shipmentId);
  if (!shipment) return spError(404, 'NotFound', `Shipment ${shipmentId} was not found.`);
  return jsonResponse(200, { payload: { ItemData: shipment.items.map((item) => shipmentItemView(shipmentId, item)) } });
}
