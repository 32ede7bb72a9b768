import type { EventPayload } from '@ops/sse-events';

/** The payload parts, as the contract defines them (never written twice). */
export type CompletedPayload = EventPayload<'unleashed:sync_completed'>;
export type ProductionFigures = CompletedPayload['production'];
export type StockTotals = CompletedPayload['inventory'];
export type StockAlert = CompletedPayload['alerts'][number];
export type LateJob = ProductionFigures['late']['jobs'][number];
