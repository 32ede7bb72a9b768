/**
 * A non-blocking, in-process mutex per key: `tryRun` runs the callback only when no other call
 * holds the same key, and otherwise returns at once.
 */
export class KeyedMutex {
  private readonly held = new Set<string>();

  /**
   * Runs `fn` while holding `key`.
   * @returns `{ acquired: false }` immediately when `key` is held; otherwise `fn`'s value. The key is
   * released when `fn` settles, also when it throws (the error is rethrown).
   */
  async tryRun<T>(key: string, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
    if (this.held.has(key)) return { acquired: false };
    this.held.add(key);
    try {
      return { acquired: true, value: await fn() };
    } finally {
      this.held.delete(key);
    }
  }

  /** Whether `key` is currently held. */
  isHeld(key: string): boolean {
    return this.held.has(key);
  }
}
