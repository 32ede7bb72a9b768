import type { ConnectionState, SseSubscriber } from '@ops/sse-client';
import { useCallback, useSyncExternalStore } from 'react';

/** The live connection's state, re-rendering on every change. */
export function useConnectionState(client: SseSubscriber): ConnectionState {
  const subscribe = useCallback((onChange: () => void) => client.onState(onChange), [client]);
  return useSyncExternalStore(subscribe, () => client.state);
}
