import type { Connection } from './connection';
import type { ConnectionRegistry } from './connection-registry';

export interface FanOutHooks {
  /** A connection passed the pending-bytes bound and was destroyed. */
  onSlowClient(connection: Connection): void;
  /** An event reached the sockets of its recipients, `seconds` after it was delivered here. */
  onWritten(seconds: number): void;
}

/**
 * Puts shared frames on the right connections and writes them in batches: everything queued during
 * one turn of the event loop goes out in one flush (`setImmediate`), one socket write per
 * connection. A quiet hub therefore writes on the same turn; a busy one saves syscalls.
 */
export class FanOut {
  private dirty: Connection[] = [];
  private scheduled = false;
  private seq = 0;
  private deliveredAt: number[] = [];
  private readonly flushBound = () => this.flush();

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly maxBufferBytes: number,
    private readonly hooks: FanOutHooks,
  ) {}

  /**
   * Queues `frame` once for every connection subscribed to any of `channels` (`*` = all), even if a
   * connection matches several of them. Returns how many connections it was queued for.
   */
  deliver(frame: Buffer, channels: readonly string[]): number {
    const seq = ++this.seq;
    let recipients = 0;
    for (const channel of channels) {
      for (const connection of this.registry.subscribers(channel)) {
        if (connection.lastSeq === seq) continue;
        connection.lastSeq = seq;
        if (this.push(connection, frame)) recipients++;
      }
    }
    if (recipients > 0) this.deliveredAt.push(performance.now());
    return recipients;
  }

  /** Queues `frame` for every open connection (heartbeats, shutdown notices). */
  deliverToAll(frame: Buffer): void {
    for (const connection of this.registry.connections())
      this.push(connection, frame);
  }

  /**
   * Queues one frame for one connection, or destroys the connection when that would take its
   * pending bytes (socket buffer + queue) past the bound. Returns false if nothing was queued.
   */
  push(connection: Connection, frame: Buffer): boolean {
    if (connection.closed) return false;
    if (connection.pendingBytes() + frame.length > this.maxBufferBytes) {
      this.drop(connection);
      return false;
    }
    if (connection.enqueue(frame)) {
      this.dirty.push(connection);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flushBound);
      }
    }
    return true;
  }

  /** Writes everything queued now. Called by the scheduler; also safe to call directly. */
  flush(): void {
    this.scheduled = false;
    const dirty = this.dirty;
    this.dirty = [];
    for (const connection of dirty) connection.flush();
    if (this.deliveredAt.length === 0) return;
    const now = performance.now();
    for (const at of this.deliveredAt) this.hooks.onWritten((now - at) / 1000);
    this.deliveredAt = [];
  }

  private drop(connection: Connection): void {
    connection.closed = true;
    connection.pending = null;
    connection.queuedBytes = 0;
    connection.socket.destroy();
    this.registry.remove(connection);
    this.hooks.onSlowClient(connection);
  }
}
