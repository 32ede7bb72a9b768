import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';

import { sleep } from '@ops/resilience';
import type { Envelope } from '@ops/sse-events';

import type { HubConfig } from '../config/hub.config';
import { HubMetrics } from '../metrics/hub-metrics';
import { HubStats } from '../metrics/hub-stats';
import { Connection } from './connection';
import { ConnectionRegistry } from './connection-registry';
import { EventHistory } from './event-history';
import { FanOut } from './fan-out';
import { RecentIds } from './recent-ids';
import {
  encodeAuthExpired,
  encodeConnected,
  encodeEvent,
  encodeReplayGap,
  encodeRetry,
  HEARTBEAT_FRAME,
  STREAM_HEAD,
} from './sse-frames';

const kConnection = Symbol('hub.connection');
type TrackedSocket = Socket & { [kConnection]?: Connection };

export interface PublishResult {
  accepted: number;
  duplicates: number;
}

/**
 * The broadcaster: accepts validated envelopes, encodes each once, records it for replay and fans
 * it out; opens and closes streams. Holds no per-connection closures or timers.
 */
export class EventHub {
  readonly registry = new ConnectionRegistry();
  readonly metrics: HubMetrics;
  readonly stats: HubStats;
  private readonly fanOut: FanOut;
  private readonly history: EventHistory;
  private readonly recentIds: RecentIds;
  private readonly retryFrame: Buffer;
  private readonly onSocketClose: (this: TrackedSocket) => void;

  constructor(config: HubConfig['stream']) {
    const registry = this.registry;
    this.metrics = new HubMetrics({
      activeConnections: () => registry.size,
      peakConnections: () => this.stats.peakConnections,
      channelCounts: () => registry.channelCounts(),
    });
    this.stats = new HubStats(this.metrics);
    this.fanOut = new FanOut(registry, config.maxBufferBytes, {
      onSlowClient: () => this.stats.slowClientDropped(),
      onWritten: (seconds) => this.metrics.latency.observe(seconds),
    });
    this.history = new EventHistory(config.historySize);
    this.recentIds = new RecentIds(Math.max(config.historySize, 10_000));
    this.retryFrame = encodeRetry(config.retryMs);
    const close = (connection: Connection) => this.close(connection);
    // One listener function shared by every socket: no per-connection closure.
    this.onSocketClose = function onSocketClose(this: TrackedSocket) {
      const connection = this[kConnection];
      if (connection) close(connection);
    };
  }

  /**
   * Broadcasts already-validated envelopes in order. An envelope whose id was seen recently is
   * skipped and counted as a duplicate, so a publisher may safely retry a whole batch.
   */
  publish(envelopes: readonly Envelope[]): PublishResult {
    let accepted = 0;
    let duplicates = 0;
    for (const envelope of envelopes) {
      if (!this.recentIds.add(envelope.id)) {
        duplicates++;
        this.stats.duplicateDropped();
        continue;
      }
      const frame = encodeEvent(
        envelope.type,
        JSON.stringify(envelope),
        envelope.id,
      );
      this.history.push(envelope.id, envelope.channels, frame);
      this.stats.eventAccepted(envelope);
      this.fanOut.deliver(frame, envelope.channels);
      accepted++;
    }
    return { accepted, duplicates };
  }

  /**
   * Records envelopes for replay and duplicate detection without broadcasting or counting them:
   * a replica starting up loads the shared stream's tail this way.
   */
  preload(envelopes: readonly Envelope[]): void {
    for (const envelope of envelopes) {
      if (!this.recentIds.add(envelope.id)) continue;
      const frame = encodeEvent(
        envelope.type,
        JSON.stringify(envelope),
        envelope.id,
      );
      this.history.push(envelope.id, envelope.channels, frame);
    }
  }

  /** True when a replay after `id` can be served from the history. */
  canReplayAfter(id: string): boolean {
    return this.history.has(id);
  }

  /** True when the id was published recently (within the duplicate window). */
  hasSeen(id: string): boolean {
    return this.recentIds.has(id);
  }

  /**
   * Takes over `socket` as an SSE stream: writes the HTTP head, `retry:`, a `connected` event and,
   * when `lastEventId` is given, the missed events of `channels` or a `replay_gap` event, then
   * registers it for live events. All in one synchronous step, so no event can slip between
   * replay and live delivery. Returns undefined if the socket is already gone.
   */
  open(
    socket: Socket,
    channels: readonly string[],
    ip: string,
    lastEventId?: string,
    expiresAt: number = Number.POSITIVE_INFINITY,
  ): Connection | undefined {
    if (socket.destroyed || !socket.writable) return undefined;
    const connection = new Connection(
      randomUUID(),
      socket,
      channels,
      ip,
      expiresAt,
    );
    socket.setNoDelay(true);
    socket.cork();
    socket.write(STREAM_HEAD);
    socket.write(this.retryFrame);
    socket.write(encodeConnected(connection.id, channels));
    if (lastEventId !== undefined) {
      const replay = this.history.replayAfter(lastEventId, channels);
      if (replay.kind === 'gap')
        socket.write(encodeReplayGap(lastEventId, replay.oldestAvailableId));
      else for (const frame of replay.frames) socket.write(frame);
    }
    socket.uncork();
    (socket as TrackedSocket)[kConnection] = connection;
    socket.once('close', this.onSocketClose);
    this.registry.add(connection);
    this.stats.connectionOpened(this.registry.size);
    return connection;
  }

  /** Forgets a connection (its socket closed). Closing twice does nothing. */
  close(connection: Connection): void {
    connection.closed = true;
    connection.pending = null;
    this.registry.remove(connection);
  }

  /**
   * Ends every stream whose credential grant has ended by `now`: pending frames, an `auth_expired`
   * event, then close. Returns how many were ended.
   */
  expireStreams(now: number): number {
    let ended = 0;
    for (const connection of this.registry.connections()) {
      if (connection.expiresAt > now || connection.closed) continue;
      connection.flush();
      connection.socket.end(encodeAuthExpired(connection.expiresAt));
      this.close(connection);
      ended++;
    }
    return ended;
  }

  /** Queues one shared heartbeat comment on every stream. */
  heartbeat(): void {
    this.fanOut.deliverToAll(HEARTBEAT_FRAME);
  }

  /**
   * Sends `finalFrame` to every stream, flushes, and ends each one so clients reconnect.
   * Resolves once all have closed or `timeoutMs` passed, then destroys any left over.
   */
  async closeAll(finalFrame: Buffer, timeoutMs: number): Promise<void> {
    this.fanOut.deliverToAll(finalFrame);
    this.fanOut.flush();
    for (const connection of this.registry.connections())
      connection.socket.end();
    const deadline = Date.now() + timeoutMs;
    while (this.registry.size > 0 && Date.now() < deadline) {
      await sleep(20);
    }
    for (const connection of [...this.registry.connections()]) {
      connection.socket.destroy();
      this.close(connection);
    }
  }
}
