import type { ReactNode } from 'react';

import { displayNameOf } from '../lib/integration-state';
import { StatusNote } from './StatusNote';

type IntegrationSection<E> = { status: 'not_configured'; reason: string } | { status: 'configured'; accounts: E[] };

interface Props<E> {
  integration: string;
  section: IntegrationSection<E>;
  children: (entry: E) => ReactNode;
}

/** One integration's part of a read response: "not configured" with its reason, "no accounts", or a card per account. */
export function IntegrationSectionState<E>({ integration, section, children }: Props<E>) {
  const name = displayNameOf(integration);
  if (section.status === 'not_configured') {
    return (
      <StatusNote state="not_configured">
        {name} not configured: {section.reason}
      </StatusNote>
    );
  }
  if (section.accounts.length === 0) return <StatusNote state="empty">{name} is configured with no accounts.</StatusNote>;
  return <>{section.accounts.map(children)}</>;
}
