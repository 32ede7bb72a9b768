import { tooManyRequests, unavailable } from '../http/hub-http.exception';
import type { ConnectionRegistry } from '../sse/connection-registry';

/** Seconds a refused client is told to wait before trying again. */
export const LIMIT_RETRY_AFTER_SECONDS = 5;

/** Total and per-IP caps on open streams. */
export class ConnectionLimiter {
  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly maxConnections: number,
    private readonly maxPerIp: number,
  ) {}

  /**
   * Call right before registering a stream, with no `await` in between.
   * @throws 503 with Retry-After when the hub is full, 429 with Retry-After when this IP is.
   */
  check(ip: string): void {
    if (this.registry.size >= this.maxConnections) {
      throw unavailable(
        `the hub is at its connection limit (${this.maxConnections})`,
        LIMIT_RETRY_AFTER_SECONDS,
      );
    }
    if (this.registry.countForIp(ip) >= this.maxPerIp) {
      throw tooManyRequests(
        `too many streams from this address (limit ${this.maxPerIp})`,
        LIMIT_RETRY_AFTER_SECONDS,
      );
    }
  }
}
