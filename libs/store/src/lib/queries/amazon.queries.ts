import { and, asc, eq, gte, inArray, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

import type { Executor } from '../database/database.types';
import { amazonFbaInventory, amazonInboundShipmentItems, amazonInboundShipments, inventorySnapshots, orderLines, orders } from '../schema';
import { lastPerKey, setFromExcluded, upsertInChunks, type UpsertResult } from './upsert';

export type FbaInventoryRow = Omit<typeof amazonFbaInventory.$inferInsert, 'syncedAt'>;
export type InboundShipmentRow = Omit<typeof amazonInboundShipments.$inferInsert, 'syncedAt'>;
export type InboundShipmentItemRow = Omit<typeof amazonInboundShipmentItems.$inferInsert, 'syncedAt'>;

/** Inserts or replaces FBA stock rows by (marketplace, SKU); a repeated key keeps the last row. */
export function upsertFbaInventory(tx: Executor, rows: readonly FbaInventoryRow[]): Promise<UpsertResult> {
  return upsertInChunks(lastPerKey(rows, (r) => `${r.marketplaceId}\u0000${r.sku}`), (part) =>
    tx
      .insert(amazonFbaInventory)
      .values(part)
      .onConflictDoUpdate({
        target: [amazonFbaInventory.marketplaceId, amazonFbaInventory.sku],
        set: { ...setFromExcluded(amazonFbaInventory, ['marketplaceId', 'sku']), syncedAt: sql`now()` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` }),
  );
}

/** One marketplace's stored FBA rows, by SKU. */
export function listFbaInventory(tx: Executor, marketplaceId: string) {
  return tx.select().from(amazonFbaInventory).where(eq(amazonFbaInventory.marketplaceId, marketplaceId)).orderBy(asc(amazonFbaInventory.sku));
}

export interface FbaInventoryTotals {
  skus: number;
  total: number;
  fulfillable: number;
  inbound: number;
  reserved: number;
  unfulfillable: number;
}

/** Sums of one marketplace's stored FBA stock, in SQL. */
export async function fbaInventoryTotals(tx: Executor, marketplaceId: string): Promise<FbaInventoryTotals> {
  const t = amazonFbaInventory;
  const sum = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::int`;
  const [row] = await tx
    .select({
      skus: sql<number>`count(*)::int`,
      total: sum(t.total),
      fulfillable: sum(t.fulfillable),
      inbound: sql<number>`coalesce(sum(${t.inboundWorking} + ${t.inboundShipped} + ${t.inboundReceiving}), 0)::int`,
      reserved: sum(t.reserved),
      unfulfillable: sum(t.unfulfillable),
    })
    .from(t)
    .where(eq(t.marketplaceId, marketplaceId));
  return row;
}

/** Inserts or updates shipments by (marketplace, shipment id). */
export function upsertInboundShipments(tx: Executor, rows: readonly InboundShipmentRow[]): Promise<UpsertResult> {
  return upsertInChunks(lastPerKey(rows, (r) => `${r.marketplaceId}\u0000${r.shipmentId}`), (part) =>
    tx
      .insert(amazonInboundShipments)
      .values(part)
      .onConflictDoUpdate({
        target: [amazonInboundShipments.marketplaceId, amazonInboundShipments.shipmentId],
        set: { ...setFromExcluded(amazonInboundShipments, ['marketplaceId', 'shipmentId']), syncedAt: sql`now()` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` }),
  );
}

/** Replaces the items of the given shipments with `rows` (items no longer listed are removed). */
export async function replaceInboundShipmentItems(
  tx: Executor,
  marketplaceId: string,
  shipmentIds: readonly string[],
  rows: readonly InboundShipmentItemRow[],
): Promise<void> {
  if (shipmentIds.length === 0) return;
  const i = amazonInboundShipmentItems;
  await tx.delete(i).where(and(eq(i.marketplaceId, marketplaceId), inArray(i.shipmentId, [...shipmentIds])));
  const unique = lastPerKey(rows, (r) => `${r.shipmentId}\u0000${r.sku}`);
  if (unique.length > 0) await upsertInChunks(unique, (part) => tx.insert(i).values(part).returning({ inserted: sql<boolean>`true` }));
}

export interface InboundTotals {
  shipments: number;
  byStatus: Record<string, number>;
  openShipments: number;
  /** Units shipped but not yet received, over open shipments. */
  inboundUnits: number;
}

/** Shipment counts by status and the units still to be received in shipments whose status is not in `closedStatuses`. */
export async function inboundTotals(tx: Executor, marketplaceId: string, closedStatuses: readonly string[]): Promise<InboundTotals> {
  const s = amazonInboundShipments;
  const i = amazonInboundShipmentItems;
  const statuses = await tx
    .select({ status: s.status, count: sql<number>`count(*)::int` })
    .from(s)
    .where(eq(s.marketplaceId, marketplaceId))
    .groupBy(s.status)
    .orderBy(asc(s.status));
  const [units] = await tx
    .select({ units: sql<number>`coalesce(sum(greatest(${i.quantityShipped} - ${i.quantityReceived}, 0)), 0)::int` })
    .from(i)
    .innerJoin(s, and(eq(s.marketplaceId, i.marketplaceId), eq(s.shipmentId, i.shipmentId)))
    .where(and(eq(i.marketplaceId, marketplaceId), notInArray(s.status, [...closedStatuses])));
  const byStatus = Object.fromEntries(statuses.map((r) => [r.status, r.count]));
  return {
    shipments: statuses.reduce((sum, r) => sum + r.count, 0),
    byStatus,
    openShipments: statuses.filter((r) => !closedStatuses.includes(r.status)).reduce((sum, r) => sum + r.count, 0),
    inboundUnits: units?.units ?? 0,
  };
}

export interface MarketplaceOrderTotals {
  currency: string;
  orders: number;
  /** Sum of the counted orders' gross, four fraction digits. */
  revenue: string;
  units: number;
}

export interface MarketplaceOrderCounts {
  counted: MarketplaceOrderTotals[];
  cancelled: number;
  pending: number;
  pendingUnits: number;
}

/**
 * One Amazon marketplace's orders created in [since, until]: counted (not cancelled, status not
 * in `pendingStatuses`) per currency with revenue and units, and the cancelled and pending ones
 * counted apart (pending orders have no price yet).
 */
export async function amazonOrderCounts(
  tx: Executor,
  accountId: string,
  window: { since: Date; until: Date },
  pendingStatuses: readonly string[],
): Promise<MarketplaceOrderCounts> {
  const inWindow = and(
    eq(orders.integration, 'amazon'),
    eq(orders.accountId, accountId),
    gte(orders.createdAt, window.since),
    lte(orders.createdAt, window.until),
  );
  const isPending = inArray(orders.financialStatus, [...pendingStatuses]);
  const unitsOf = sql<number>`(select coalesce(sum(${orderLines.quantity}), 0) from ${orderLines} where ${orderLines.integration} = ${orders.integration} and ${orderLines.accountId} = ${orders.accountId} and ${orderLines.orderExternalId} = ${orders.externalId})`;
  const counted = await tx
    .select({
      currency: orders.currency,
      orders: sql<number>`count(*)::int`,
      revenue: sql<string>`coalesce(sum(${orders.gross}), 0)::numeric(20,4)::text`,
      units: sql<number>`coalesce(sum(${unitsOf}), 0)::int`,
    })
    .from(orders)
    .where(and(inWindow, isNull(orders.cancelledAt), sql`not (${isPending})`))
    .groupBy(orders.currency)
    .orderBy(asc(orders.currency));
  const [aside] = await tx
    .select({
      cancelled: sql<number>`(count(*) filter (where ${orders.cancelledAt} is not null))::int`,
      pending: sql<number>`(count(*) filter (where ${orders.cancelledAt} is null and ${isPending}))::int`,
      pendingUnits: sql<number>`coalesce(sum(${unitsOf}) filter (where ${orders.cancelledAt} is null and ${isPending}), 0)::int`,
    })
    .from(orders)
    .where(inWindow);
  return { counted, cancelled: aside?.cancelled ?? 0, pending: aside?.pending ?? 0, pendingUnits: aside?.pendingUnits ?? 0 };
}

/**
 * Inserts or updates `inventory_snapshots` rows of one account by (SKU, location), leaving its
 * other rows alone: for sources that report only what changed. A repeated pair keeps the last row.
 */
export async function upsertInventoryLevels(
  tx: Executor,
  integration: string,
  accountId: string,
  rows: readonly { sku: string; location: string; quantity: string; observedAt: Date }[],
): Promise<void> {
  const unique = lastPerKey(rows, (row) => `${row.location}\u0000${row.sku}`);
  await upsertInChunks(unique, (part) =>
    tx
      .insert(inventorySnapshots)
      .values(part.map((row) => ({ ...row, integration, accountId })))
      .onConflictDoUpdate({
        target: [inventorySnapshots.integration, inventorySnapshots.accountId, inventorySnapshots.sku, inventorySnapshots.location],
        set: { quantity: sql`excluded.quantity`, observedAt: sql`excluded.observed_at` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` }),
  );
}
