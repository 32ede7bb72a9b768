import { SseClient } from '../sse-client';
import type { SseClientOptions } from '../sse-client.options';
import type { SseSubscriber } from '../sse-client.types';
import { LeaderElection, type LockManagerLike } from './leader-election';
import type { BroadcastChannelLike } from './shared-messages';
import { SharedSseClient } from './shared-sse-client';

export interface SharedSseClientOptions extends SseClientOptions {
  /** Names the Web Lock and the BroadcastChannel; tabs with the same key share one connection. Default `ops-sse:<baseUrl>`. */
  readonly sharingKey?: string;
  /** The lock manager. Default `navigator.locks`. */
  readonly locks?: LockManagerLike;
  /** Opens the tab-to-tab channel. Default `new BroadcastChannel(name)`. */
  readonly openChannel?: (name: string) => BroadcastChannelLike;
}

function defaultLocks(): LockManagerLike | undefined {
  return (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
}

function defaultOpenChannel(): ((name: string) => BroadcastChannelLike) | undefined {
  const Channel = (globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike }).BroadcastChannel;
  return Channel ? (name) => new Channel(name) : undefined;
}

/**
 * A client that shares one hub connection with the other tabs of this origin (see
 * {@link SharedSseClient}). Without Web Locks or BroadcastChannel (Node, old browsers) it returns a
 * private {@link SseClient} instead, with the same surface.
 */
export function createSharedSseClient(options: SharedSseClientOptions = {}): SseSubscriber {
  const { sharingKey, locks = defaultLocks(), openChannel = defaultOpenChannel(), ...clientOptions } = options;
  if (!locks || !openChannel) return new SseClient(clientOptions);
  const key = sharingKey ?? `ops-sse:${clientOptions.baseUrl ?? (globalThis as { location?: { origin?: string } }).location?.origin ?? ''}`;
  return new SharedSseClient(clientOptions, openChannel(key), new LeaderElection(locks, key));
}
