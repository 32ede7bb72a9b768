import type { LockManagerLike } from '../src/lib/shared/leader-election';

interface Waiter {
  readonly grant: () => void;
}

/**
 * Exclusive locks by name, in memory, granting in request order like the Web Locks API: a stand-in
 * for `navigator.locks` shared by several simulated tabs in one Node process.
 */
export class MemoryLockManager implements LockManagerLike {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, Waiter[]>();

  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown> {
    const { signal } = options;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new DOMException('The request was aborted.', 'AbortError'));
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      const onAbort = () => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(new DOMException('The request was aborted.', 'AbortError'));
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.held.add(name);
          Promise.resolve()
            .then(() => callback({ name, mode: 'exclusive' }))
            .then(resolve, reject)
            .finally(() => {
              this.held.delete(name);
              this.pump(name);
            });
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      this.pump(name);
    });
  }

  /** How many requests wait for `name`. */
  waiting(name: string): number {
    return this.queues.get(name)?.length ?? 0;
  }

  private pump(name: string): void {
    if (this.held.has(name)) return;
    this.queues.get(name)?.shift()?.grant();
  }
}
