import { ProductionResponseSchema, type UnleashedProduction } from '@ops/read-api-contract';

import { Card } from '../components/Card';
import { CountFigure, QuantityFigure } from '../components/Figure';
import { FigureList } from '../components/FigureList';
import { IntegrationSectionState } from '../components/IntegrationSectionState';
import { NoDataCard } from '../components/NoDataCard';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useReadQuery } from '../hooks/use-read-query';
import { accountTitle, isSandbox } from '../lib/account-entry';
import { productionKey } from '../lib/figure-key';
import { formatInstant, formatQuantity } from '../lib/format';
import { AlertList } from './AlertList';

const STATUS_ORDER = ['Parked', 'Planned', 'InProgress', 'Completed', 'Cancelled'] as const;

function ProductionCard({ organisation }: { organisation: UnleashedProduction }) {
  const title = `Unleashed · ${accountTitle(organisation)}`;
  if (organisation.status === 'no_data') return <NoDataCard title={title} sandbox={isSandbox(organisation)} reason={organisation.reason} />;
  const key = (field: string) => productionKey(organisation.source.account, field);
  return (
    <Card
      title={title}
      sandbox={isSandbox(organisation)}
      subtitle={
        <>
          Assembly jobs as of <time dateTime={organisation.asOf}>{formatInstant(organisation.asOf)}</time>
        </>
      }
    >
      <FigureList
        rows={[
          { label: 'Jobs', figure: <CountFigure figure={key('total')} value={organisation.total} /> },
          ...STATUS_ORDER.flatMap((status) => {
            const count = organisation.byStatus[status];
            return count === undefined ? [] : [{ label: status === 'InProgress' ? 'In progress' : status, figure: <CountFigure value={count} /> }];
          }),
          {
            label: `Due ${organisation.dueNext7DaysFrom} to ${organisation.dueNext7DaysTo}`,
            figure: <CountFigure figure={key('dueNext7DaysCount')} value={organisation.dueNext7DaysCount} />,
          },
          { label: 'Late jobs', figure: <CountFigure figure={key('lateCount')} value={organisation.lateCount} /> },
          { label: 'Late quantity', figure: <QuantityFigure figure={key('lateQuantity')} value={organisation.lateQuantity} /> },
        ]}
      />
      <AlertList
        title="Late jobs"
        total={organisation.lateCount}
        items={organisation.lateJobs.map((job) => ({
          key: job.assemblyNumber,
          name: job.assemblyNumber,
          detail: `${job.productCode} × ${formatQuantity(job.quantity)}, ${job.status}, due ${job.assembleBy} (${job.daysLate} days late)`,
        }))}
      />
    </Card>
  );
}

/** Assembly jobs by status, with the late ones. */
export function ProductionSection() {
  const query = useReadQuery('production', ProductionResponseSchema);
  return (
    <Section title="Production" testId="production">
      <QueryState query={query} what="production">
        {(response) => (
          <div className="cards">
            <IntegrationSectionState integration="unleashed" section={response.unleashed}>
              {(organisation) => <ProductionCard key={organisation.source.account} organisation={organisation} />}
            </IntegrationSectionState>
          </div>
        )}
      </QueryState>
    </Section>
  );
}
