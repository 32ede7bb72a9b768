import type { Socket } from 'node:net';

/**
 * One open SSE stream. Deliberately small: no closures, no timers, no per-connection buffers
 * while idle. Frames waiting for the next flush are held as one Buffer or, in a burst, an array.
 */
export class Connection {
  /** Sequence number of the last event queued here; lets fan-out skip duplicates across channels. */
  lastSeq = 0;
  /** Bytes queued here and not yet handed to the socket. */
  queuedBytes = 0;
  /** Frames queued since the last flush, or `null` when nothing is waiting. */
  pending: Buffer | Buffer[] | null = null;
  /** Set once the connection is closed or dropped; later writes are ignored. */
  closed = false;

  constructor(
    readonly id: string,
    readonly socket: Socket,
    readonly channels: readonly string[],
    readonly ip: string,
    /** When the credential's grant ends (ms since epoch); the stream is then closed with `auth_expired`. */
    readonly expiresAt: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Bytes written but not yet acknowledged by the kernel, plus bytes still queued here. */
  pendingBytes(): number {
    return this.socket.writableLength + this.queuedBytes;
  }

  /** Queues a frame. Returns true when this is the first frame since the last flush. */
  enqueue(frame: Buffer): boolean {
    const pending = this.pending;
    this.queuedBytes += frame.length;
    if (pending === null) {
      this.pending = frame;
      return true;
    }
    if (Array.isArray(pending)) pending.push(frame);
    else this.pending = [pending, frame];
    return false;
  }

  /**
   * Hands everything queued to the socket in one go: a single write, or a corked batch that the
   * kernel receives as one `writev`. Does nothing once the connection is closed.
   */
  flush(): void {
    const pending = this.pending;
    this.pending = null;
    this.queuedBytes = 0;
    if (pending === null || this.closed || this.socket.destroyed) return;
    if (!Array.isArray(pending)) {
      this.socket.write(pending);
      return;
    }
    this.socket.cork();
    for (const frame of pending) this.socket.write(frame);
    this.socket.uncork();
  }
}
