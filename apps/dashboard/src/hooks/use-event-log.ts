import { useSyncExternalStore } from 'react';

import type { EventLogEntry } from '../lib/event-log';
import { useLive } from '../live/live-context';

/** The live event log, newest first. */
export function useEventLog(): readonly EventLogEntry[] {
  const { eventLog } = useLive();
  return useSyncExternalStore(eventLog.subscribe, eventLog.getSnapshot);
}
