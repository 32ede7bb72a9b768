import type { SseSubscriber } from '@ops/sse-client';
import { createContext, useContext } from 'react';

import type { EventLogStore } from './event-log.store';

export interface Live {
  client: SseSubscriber;
  eventLog: EventLogStore;
}

export const LiveContext = createContext<Live | null>(null);

/** The page's one live connection and its event log. */
export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive needs a LiveContext provider (see main.tsx)');
  return live;
}
