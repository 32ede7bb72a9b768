import { Logger } from '@nestjs/common';
import type { RedisStreamReader } from '@ops/sse-events/redis';

import type { EventHub } from '../sse/event-hub';

/** One replica as it last reported itself. */
export interface ReplicaReport {
  replicaId: string;
  activeConnections: number;
  totalEvents: number;
  startedAt: string;
  seenAt: string;
}

/** The cluster part of `/sse/status`, or why it is unknown. */
export type ClusterStatus =
  | {
      replicas: ReplicaReport[];
      totalConnections: number;
      stream: {
        key: string;
        length: number;
        entriesAdded: number;
        lastId: string | null;
      };
    }
  | { replicas: null; reason: string };

/** How often each replica reports itself. */
export const HEARTBEAT_INTERVAL_MS = 2_000;
/** A replica not heard from for this long is not counted (it is forgotten after 30 s more). */
export const REPLICA_STALE_MS = 3 * HEARTBEAT_INTERVAL_MS;

/**
 * Each replica writes its own figures to one Redis hash every 2 s; any replica can then list the
 * replicas alive (heard from within 6 s), their connections and the stream's size.
 */
export class ReplicaHeartbeat {
  private readonly logger = new Logger(ReplicaHeartbeat.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly reader: RedisStreamReader,
    private readonly hub: EventHub,
    private readonly replicaId: string,
    private readonly hashKey: string,
    private readonly streamKey: string,
  ) {}

  start(): void {
    const beat = () =>
      this.report().catch((error: Error) =>
        this.logger.debug(`heartbeat not written: ${error.message}`),
      );
    void beat();
    this.timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops reporting and removes this replica from the list (best effort). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reader.client
      .hdel(this.hashKey, this.replicaId)
      .catch(() => undefined);
  }

  async status(now = Date.now()): Promise<ClusterStatus> {
    try {
      const [all, info] = await Promise.all([
        this.reader.client.hgetall(this.hashKey),
        this.reader.info(),
      ]);
      const replicas: ReplicaReport[] = [];
      for (const [id, raw] of Object.entries(all)) {
        const report = JSON.parse(raw) as ReplicaReport;
        const age = now - Date.parse(report.seenAt);
        if (age <= REPLICA_STALE_MS) replicas.push(report);
        else if (age > REPLICA_STALE_MS + 30_000)
          void this.reader.client.hdel(this.hashKey, id).catch(() => undefined);
      }
      replicas.sort((a, b) => a.replicaId.localeCompare(b.replicaId));
      return {
        replicas,
        totalConnections: replicas.reduce(
          (sum, replica) => sum + replica.activeConnections,
          0,
        ),
        stream: {
          key: this.streamKey,
          length: info.length,
          entriesAdded: info.entriesAdded,
          lastId: info.lastId ?? null,
        },
      };
    } catch (error) {
      return {
        replicas: null,
        reason: `redis unreachable: ${(error as Error).message}`,
      };
    }
  }

  private async report(): Promise<void> {
    const stats = this.hub.stats.snapshot();
    const report: ReplicaReport = {
      replicaId: this.replicaId,
      activeConnections: this.hub.registry.size,
      totalEvents: stats.totalEvents,
      startedAt: stats.startedAt,
      seenAt: new Date().toISOString(),
    };
    await this.reader.client.hset(
      this.hashKey,
      this.replicaId,
      JSON.stringify(report),
    );
  }
}
