import { hostname } from 'node:os';

import { Logger } from '@nestjs/common';
import { RedisPublisher, RedisStreamReader } from '@ops/sse-events/redis';

import type { HubConfig } from '../config/hub.config';
import type { EventHub } from '../sse/event-hub';
import { ReplicaHeartbeat } from './replica-heartbeat';
import { StreamFeed } from './stream-feed';

/** How long start-up waits for the stream's tail before listening anyway (Redis down). */
const LOAD_WAIT_MS = 5_000;

/**
 * One replica's share of a Redis-backed hub cluster: its connections to Redis, the feed that
 * broadcasts the shared stream here, the publisher `POST /events` appends with, and its heartbeat.
 */
export class HubCluster {
  private readonly logger = new Logger(HubCluster.name);
  readonly reader: RedisStreamReader;
  readonly publisher: RedisPublisher;
  readonly feed: StreamFeed;
  readonly heartbeat: ReplicaHeartbeat;
  /** Prefix of this cluster's other keys (tickets, replica list), next to the stream's. */
  readonly keyPrefix: string;

  constructor(
    redis: NonNullable<HubConfig['redis']>,
    hub: EventHub,
    historySize: number,
    readonly replicaId: string,
  ) {
    this.keyPrefix = `${redis.streamKey}:hub:`;
    let lastError = '';
    this.reader = new RedisStreamReader({
      url: redis.url,
      streamKey: redis.streamKey,
      onInvalid: (streamId, reason) =>
        this.logger.warn(`skipped stream entry ${streamId}: ${reason}`),
      onError: (message) => {
        // One line per distinct failure, not one per reconnect attempt.
        if (message !== lastError) this.logger.warn(message);
        lastError = message;
      },
    });
    this.publisher = new RedisPublisher({
      url: redis.url,
      streamKey: redis.streamKey,
      maxLen: redis.maxLen,
    });
    this.feed = new StreamFeed(this.reader, hub, historySize);
    this.heartbeat = new ReplicaHeartbeat(
      this.reader,
      hub,
      replicaId,
      `${this.keyPrefix}replicas`,
      redis.streamKey,
    );
  }

  async start(): Promise<void> {
    await this.feed.start(LOAD_WAIT_MS);
    this.heartbeat.start();
  }

  async stop(): Promise<void> {
    await this.heartbeat.stop();
    await this.feed.stop();
    await this.publisher.close();
  }
}

/** `HUB_REPLICA_ID`, else host name and process id. */
export function replicaIdOf(config: HubConfig): string {
  return config.replicaId ?? `${hostname()}-${process.pid}`;
}
