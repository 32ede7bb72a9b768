import { sleep, TransientError } from '@ops/resilience';
import type { Database } from '@ops/store';

export interface DatabaseExclusiveOptions {
  /** How long to wait for another holder before giving up. Default 60 s. */
  waitMs?: number;
  /** Pause between attempts to take the lock. Default 100 ms. */
  pollMs?: number;
  signal?: AbortSignal;
}

/**
 * An `exclusive` for {@link OAuthTokenStore}: runs each step holding the database lock `key`
 * (a Postgres advisory lock, so it holds across processes; in-process on PGlite), waiting for
 * another holder to finish first.
 * @throws TransientError `LOCK_TIMEOUT` when the lock stays taken for `waitMs`.
 */
export function databaseExclusive(database: Database, key: string, options: DatabaseExclusiveOptions = {}) {
  const { waitMs = 60_000, pollMs = 100, signal } = options;
  return async <R>(step: () => Promise<R>): Promise<R> => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const locked = await database.withLock(key, step);
      if (locked.acquired) return locked.value;
      if (Date.now() >= deadline) throw new TransientError(`lock ${key} still held after ${waitMs} ms`, 'LOCK_TIMEOUT');
      await sleep(pollMs, signal);
    }
  };
}
