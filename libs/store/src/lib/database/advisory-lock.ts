import type { Pool, PoolClient } from 'pg';

import type { LockResult } from './database.types';

/**
 * `withLock` for Postgres: takes a session advisory lock on one dedicated pooled connection, runs
 * `fn`, unlocks, and returns the connection. Does not wait when another session holds the lock.
 * If unlocking fails the connection is destroyed instead of returned, which ends the session and so
 * frees the lock. An error from `fn` is rethrown after unlocking.
 */
export async function withAdvisoryLock<T>(pool: Pool, key: string, fn: () => Promise<T>): Promise<LockResult<T>> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    let acquired: boolean;
    try {
      acquired = await tryLock(client, key);
    } catch (error) {
      broken = asError(error);
      throw error;
    }
    if (!acquired) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      broken = await unlock(client, key);
    }
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `fn` on one connection holding a blocking advisory lock on `key` (waits for other holders),
 * e.g. so that two processes starting together do not apply the same migration twice.
 */
export async function withBlockingAdvisoryLock<T>(
  pool: Pool,
  key: string,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [key]);
    try {
      return await fn(client);
    } finally {
      broken = await unlock(client, key);
    }
  } catch (error) {
    broken ??= asError(error);
    throw error;
  } finally {
    client.release(broken);
  }
}

async function tryLock(client: PoolClient, key: string): Promise<boolean> {
  const result = await client.query<{ acquired: boolean }>('select pg_try_advisory_lock(hashtext($1)) as acquired', [
    key,
  ]);
  return result.rows[0]?.acquired === true;
}

async function unlock(client: PoolClient, key: string): Promise<Error | undefined> {
  try {
    await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
    return undefined;
  } catch (error) {
    return asError(error);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
