import { WorkingCapitalResponseSchema, type TenantWorkingCapital } from '@ops/read-api-contract';

import { Card } from '../components/Card';
import { MoneyFigure, RatioFigure, UnavailableFigure } from '../components/Figure';
import { FigureList } from '../components/FigureList';
import { IntegrationSectionState } from '../components/IntegrationSectionState';
import { NoDataCard } from '../components/NoDataCard';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useReadQuery } from '../hooks/use-read-query';
import { accountTitle, isSandbox } from '../lib/account-entry';
import { workingCapitalKey } from '../lib/figure-key';
import { formatInstant } from '../lib/format';
import { WorkingCapitalChart } from './WorkingCapitalChart';

const MONEY_FIELDS = [
  ['workingCapital', 'Working capital'],
  ['currentAssets', 'Current assets'],
  ['currentLiabilities', 'Current liabilities'],
  ['cash', 'Cash'],
  ['accountsReceivable', 'Accounts receivable'],
  ['accountsPayable', 'Accounts payable'],
  ['inventory', 'Inventory'],
] as const;

const RATIO_FIELDS = [
  ['currentRatio', 'currentRatioReason', 'Current ratio'],
  ['quickRatio', 'quickRatioReason', 'Quick ratio'],
] as const;

function TenantCard({ tenant }: { tenant: TenantWorkingCapital }) {
  const title = accountTitle(tenant);
  if (tenant.status === 'no_data') return <NoDataCard title={title} sandbox={isSandbox(tenant)} reason={tenant.reason} />;
  const tenantId = tenant.source.account;
  const rows = [
    ...MONEY_FIELDS.map(([field, label]) => ({
      label,
      figure: <MoneyFigure figure={workingCapitalKey(tenantId, field)} amount={tenant[field]} currency={tenant.currency} />,
    })),
    ...RATIO_FIELDS.map(([field, reasonField, label]) => {
      const value = tenant[field];
      const key = workingCapitalKey(tenantId, field);
      return { label, figure: value === null ? <UnavailableFigure figure={key} reason={tenant[reasonField]} /> : <RatioFigure figure={key} value={value} /> };
    }),
  ];
  return (
    <Card
      title={title}
      sandbox={isSandbox(tenant)}
      className="card-wide"
      subtitle={
        <>
          Balance sheet as of <time dateTime={tenant.asOf}>{tenant.asOf}</time>, synced <time dateTime={tenant.syncedAt}>{formatInstant(tenant.syncedAt)}</time>
        </>
      }
    >
      <FigureList rows={rows} />
      <WorkingCapitalChart history={tenant.history} currency={tenant.currency} tenant={title} />
    </Card>
  );
}

/** Working capital and ratios per Xero tenant, with the history of its balance sheets. */
export function WorkingCapitalSection() {
  const query = useReadQuery('working-capital', WorkingCapitalResponseSchema);
  return (
    <Section title="Working capital" testId="working-capital">
      <QueryState query={query} what="working capital">
        {(response) => (
          <div className="cards">
            <IntegrationSectionState integration="xero" section={response.xero}>
              {(tenant) => <TenantCard key={tenant.source.account} tenant={tenant} />}
            </IntegrationSectionState>
          </div>
        )}
      </QueryState>
    </Section>
  );
}
