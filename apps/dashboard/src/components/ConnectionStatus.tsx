import type { ConnectionState } from '@ops/sse-client';

import { useConnectionState } from '../hooks/use-connection-state';
import { useLive } from '../live/live-context';

const LABELS: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting to live updates…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Live updates stopped',
};

/** The live connection's state, as text and `data-state`. */
export function ConnectionStatus() {
  const { client } = useLive();
  const state = useConnectionState(client);
  const failure = state === 'closed' ? client.failure : undefined;
  return (
    <p className={`connection connection-${state}`} data-testid="connection-state" data-state={state} role="status">
      <span className="status-dot" aria-hidden="true" />
      {LABELS[state]}
      {failure && `: ${failure.message}`}
    </p>
  );
}
