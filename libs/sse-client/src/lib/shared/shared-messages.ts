import type { ConnectionState, InvalidEventReport, ReplayGap, SseClientFailure } from '../sse-client.types';

/** Version of the tab-to-tab protocol; messages of another version (a tab of an older build) are ignored. */
export const SHARED_PROTOCOL = 1;

/** What tabs tell each other over the BroadcastChannel. */
export type SharedMessage = { readonly v: typeof SHARED_PROTOCOL } & (
  | /** leader -> followers: an envelope it validated (followers validate again: tabs may run different builds). */
  { readonly kind: 'event'; readonly envelope: unknown }
  | { readonly kind: 'invalid'; readonly report: InvalidEventReport }
  | { readonly kind: 'gap'; readonly gap: ReplayGap }
  | { readonly kind: 'state'; readonly tabId: string; readonly state: ConnectionState; readonly failure: SseClientFailure | undefined }
  /**
   * any tab -> all: the channels this tab needs (its whole set, replacing what it sent before). Every
   * tab keeps these, so a tab that takes over subscribes to every tab's channels on its first connect.
   */
  | { readonly kind: 'channels'; readonly tabId: string; readonly channels: readonly string[] }
  /** any tab -> all: this tab closed its client. */
  | { readonly kind: 'leave'; readonly tabId: string }
  /** new leader -> followers: send your channels again. */
  | { readonly kind: 'leader' }
);

/** The subset of `BroadcastChannel` used here (the browser's and Node's both fit). */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

const KINDS = new Set(['event', 'invalid', 'gap', 'state', 'channels', 'leave', 'leader']);

export function isSharedMessage(value: unknown): value is SharedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { v?: unknown; kind?: unknown };
  return message.v === SHARED_PROTOCOL && typeof message.kind === 'string' && KINDS.has(message.kind);
}

/** A random tab id from the Web Crypto API (works on plain-http origins, unlike `randomUUID`). */
export function newTabId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
