import type { Unsubscribe } from './sse-client.types';

/**
 * A set of listeners called in registration order. A throwing listener does not stop the others;
 * its error is rethrown asynchronously so it still reaches the console / `unhandledrejection`.
 */
export class ListenerSet<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>();

  add(listener: (...args: A) => void): Unsubscribe {
    // A wrapper, so the same function registered twice is called twice and removed once per call.
    const entry = (...args: A) => listener(...args);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(...args: A): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
