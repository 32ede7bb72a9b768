import type { BackoffOptions } from './sse-client.types';

export interface SseClientOptions {
  /** Origin (and path prefix) of the hub, e.g. `https://app.example.com`. Default: the page's origin. */
  readonly baseUrl?: string;
  /** Channels to subscribe to from the start (same as one `subscribe` call). */
  readonly channels?: readonly string[];
  /**
   * Ticket auth: returns a subscriber token (JWT); before each connect the client trades it for a
   * single-use ticket at `POST /sse/tickets` and opens the stream with `?ticket=`. Without it the
   * stream is opened as is (hub with auth off, or the `hub_token` cookie).
   */
  readonly getToken?: () => Promise<string>;
  readonly backoff?: BackoffOptions;
  /** The `fetch` to use. Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** Resume after this event id on the first connect (a tab taking over a shared connection). */
  readonly lastEventId?: string;
  /** Silence after which the stream counts as dead and is reopened; keep above the hub's heartbeat. Default 75,000. */
  readonly idleTimeoutMs?: number;
  /** Timeout of the ticket request and of waiting for the stream's response head. Default 10,000. */
  readonly requestTimeoutMs?: number;
}
