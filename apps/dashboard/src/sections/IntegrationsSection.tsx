import { IntegrationsResponseSchema, type IntegrationsResponse, type IntegrationStatusEntry } from '@ops/read-api-contract';

import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { StatusNote } from '../components/StatusNote';
import { useReadQuery } from '../hooks/use-read-query';
import { formatInstant } from '../lib/format';
import { integrationView } from '../lib/integration-state';

function IntegrationItem({ entry }: { entry: IntegrationStatusEntry }) {
  const view = integrationView(entry);
  const run = entry.lastRun;
  return (
    <li className={`integration tone-${view.tone}`} data-testid={`integration-${view.name}`} data-status={view.status}>
      <p className="integration-headline">
        <span className="status-dot" aria-hidden="true" />
        {view.headline}
      </p>
      {view.detail && <p className={view.status === 'not_configured' ? 'muted' : 'error-text'}>{view.detail}</p>}
      {entry.reauthorizationRequired && (
        <p className="error-text">The connection must be made again: npm run connect -- {view.name}</p>
      )}
      <dl className="integration-facts">
        {run && (
          <div>
            <dt>Last sync</dt>
            <dd>
              <time dateTime={run.finishedAt ?? run.startedAt}>{formatInstant(run.finishedAt ?? run.startedAt)}</time>
            </dd>
          </div>
        )}
        {entry.nextRunAt && (
          <div>
            <dt>Next sync</dt>
            <dd>
              <time dateTime={entry.nextRunAt}>{formatInstant(entry.nextRunAt)}</time>
            </dd>
          </div>
        )}
        {entry.accounts.length > 0 && (
          <div>
            <dt>Accounts</dt>
            <dd>{entry.accounts.map((account) => account.label ?? account.id).join(', ')}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** A run that publishes nothing at its end (Xero with unchanged figures) is followed by polling until it ends. */
const WHILE_A_RUN_IS_GOING = { ms: 5_000, when: (entries: IntegrationsResponse) => entries.some((entry) => entry.lastRun?.status === 'running') };

/** Per integration: configured or not, last sync, its status and error. */
export function IntegrationsSection() {
  const query = useReadQuery('integrations', IntegrationsResponseSchema, WHILE_A_RUN_IS_GOING);
  return (
    <Section title="Integrations" className="section-wide" testId="integrations">
      <QueryState query={query} what="integrations">
        {(entries) =>
          entries.length === 0 ? (
            <StatusNote state="empty">No integrations are registered in this process.</StatusNote>
          ) : (
            <ul className="integrations">
              {entries.map((entry) => (
                <IntegrationItem key={entry.integration} entry={entry} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}
