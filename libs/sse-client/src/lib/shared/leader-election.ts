/**
 * The part of the Web Locks API (`navigator.locks`) the election uses: an exclusive lock, held
 * while the callback's promise is pending, released by the browser when the holding tab goes away.
 */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

/**
 * Elects one leader among the tabs that share `name`: each queues for the exclusive lock; the
 * holder leads until `stop()` or until its tab closes, then the next in the queue takes over.
 */
export class LeaderElection {
  private readonly abort = new AbortController();
  private release: (() => void) | undefined;

  constructor(
    private readonly locks: LockManagerLike,
    private readonly name: string,
  ) {}

  /** Queues for the lock; `onLeader` runs once, when this tab gets it. Call once. */
  start(onLeader: () => void): void {
    const held = () =>
      new Promise<void>((resolve) => {
        if (this.abort.signal.aborted) return resolve();
        this.release = resolve;
        onLeader();
      });
    // Rejects with an AbortError when stopped while still queued: nothing to do then.
    this.locks.request(this.name, { signal: this.abort.signal }, held).catch(() => undefined);
  }

  /** Leaves the queue, or releases the lock so the next tab leads. Idempotent. */
  stop(): void {
    this.abort.abort();
    this.release?.();
    this.release = undefined;
  }
}
