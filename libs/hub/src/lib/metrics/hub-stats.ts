import type { Envelope } from '@ops/sse-events';

import type { HubMetrics } from './hub-metrics';

const MAX_SOURCES = 1_000;

export interface LastEvent {
  id: string;
  type: string;
  occurredAt: string;
  receivedAt: string;
}

/** What `GET /sse/status` reports besides the live connection counts. */
export interface HubStatsSnapshot {
  totalConnections: number;
  peakConnections: number;
  totalEvents: number;
  eventsByType: Record<string, number>;
  slowClientsDropped: number;
  duplicatesDropped: number;
  lastEventBySource: Record<string, LastEvent>;
  startedAt: string;
  uptimeSeconds: number;
}

/**
 * Running totals for the status page, mirrored into the Prometheus counters. Only ever counts
 * what happened in this process; nothing is estimated.
 */
export class HubStats {
  private readonly startedAt = new Date();
  private totalConnections = 0;
  private peak = 0;
  private totalEvents = 0;
  private slowClientsDropped = 0;
  private duplicatesDropped = 0;
  private readonly eventsByType = new Map<string, number>();
  private readonly lastBySource = new Map<string, LastEvent>();

  constructor(private readonly metrics: HubMetrics) {}

  /** Counts a new stream; `active` is the number open including it. */
  connectionOpened(active: number): void {
    this.totalConnections++;
    if (active > this.peak) this.peak = active;
    this.metrics.connections.inc();
  }

  /** Counts an accepted event and remembers it as its source's latest (at most 1,000 sources). */
  eventAccepted(envelope: Envelope): void {
    this.totalEvents++;
    this.eventsByType.set(
      envelope.type,
      (this.eventsByType.get(envelope.type) ?? 0) + 1,
    );
    this.metrics.events.inc({ type: envelope.type });
    const { system, account, environment } = envelope.source;
    const key = `${system}/${account}/${environment}`;
    if (this.lastBySource.has(key) || this.lastBySource.size < MAX_SOURCES) {
      this.lastBySource.set(key, {
        id: envelope.id,
        type: envelope.type,
        occurredAt: envelope.occurredAt,
        receivedAt: new Date().toISOString(),
      });
    }
  }

  duplicateDropped(): void {
    this.duplicatesDropped++;
    this.metrics.duplicates.inc();
  }

  slowClientDropped(): void {
    this.slowClientsDropped++;
    this.metrics.slowClients.inc();
  }

  get peakConnections(): number {
    return this.peak;
  }

  snapshot(): HubStatsSnapshot {
    return {
      totalConnections: this.totalConnections,
      peakConnections: this.peak,
      totalEvents: this.totalEvents,
      eventsByType: Object.fromEntries(this.eventsByType),
      slowClientsDropped: this.slowClientsDropped,
      duplicatesDropped: this.duplicatesDropped,
      lastEventBySource: Object.fromEntries(this.lastBySource),
      startedAt: this.startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - this.startedAt.getTime()) / 1000),
    };
  }
}
