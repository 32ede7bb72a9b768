import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
} from 'prom-client';

/** Live numbers the gauges read at scrape time, so the hot path never touches them. */
export interface GaugeSource {
  activeConnections(): number;
  peakConnections(): number;
  channelCounts(): Record<string, number>;
}

/** Job channels are unbounded, so their subscribers are summed under one `job:*` label. */
function labelOf(channel: string): string {
  return channel.startsWith('job:') ? 'job:*' : channel;
}

/**
 * The hub's Prometheus metrics in a registry of its own (two hubs in one process never clash).
 * Counters are incremented by {@link HubStats}; gauges are computed when scraped.
 */
export class HubMetrics {
  readonly registry = new Registry();
  readonly connections = new Counter({
    name: 'hub_connections_total',
    help: 'SSE streams opened since start',
    registers: [this.registry],
  });
  readonly events = new Counter({
    name: 'hub_events_total',
    help: 'Events accepted and broadcast, by type',
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly duplicates = new Counter({
    name: 'hub_duplicate_events_total',
    help: 'Events dropped because their id was already seen',
    registers: [this.registry],
  });
  readonly slowClients = new Counter({
    name: 'hub_slow_clients_dropped_total',
    help: 'Streams closed because their pending bytes passed HUB_MAX_BUFFER_BYTES',
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'hub_requests_rejected_total',
    help: 'Requests refused, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'hub_publish_to_write_seconds',
    help: 'Time from an event being accepted to its frame being written to subscriber sockets',
    buckets: [
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
      0.25, 1,
    ],
    registers: [this.registry],
  });

  constructor(source: GaugeSource) {
    new Gauge({
      name: 'hub_active_connections',
      help: 'SSE streams open now',
      registers: [this.registry],
      collect() {
        this.set(source.activeConnections());
      },
    });
    new Gauge({
      name: 'hub_peak_connections',
      help: 'Most SSE streams open at once since start',
      registers: [this.registry],
      collect() {
        this.set(source.peakConnections());
      },
    });
    new Gauge({
      name: 'hub_channel_subscribers',
      help: 'Open streams per channel (job channels summed as job:*)',
      labelNames: ['channel'],
      registers: [this.registry],
      collect() {
        this.reset();
        const totals = new Map<string, number>();
        for (const [channel, count] of Object.entries(source.channelCounts())) {
          totals.set(
            labelOf(channel),
            (totals.get(labelOf(channel)) ?? 0) + count,
          );
        }
        for (const [channel, count] of totals) this.set({ channel }, count);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'hub_process_' });
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
