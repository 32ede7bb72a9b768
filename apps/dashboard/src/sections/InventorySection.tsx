import { InventoryResponseSchema } from '@ops/read-api-contract';

import { IntegrationSectionState } from '../components/IntegrationSectionState';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useReadQuery } from '../hooks/use-read-query';
import { AmazonInventoryCard } from './AmazonInventoryCard';
import { UnleashedInventoryCard } from './UnleashedInventoryCard';

/** Inventory totals and low-stock alerts per source. */
export function InventorySection() {
  const query = useReadQuery('inventory', InventoryResponseSchema);
  return (
    <Section title="Inventory" testId="inventory">
      <QueryState query={query} what="inventory">
        {(response) => (
          <div className="cards">
            <IntegrationSectionState integration="amazon" section={response.amazon}>
              {(marketplace) => <AmazonInventoryCard key={marketplace.source.account} marketplace={marketplace} />}
            </IntegrationSectionState>
            <IntegrationSectionState integration="unleashed" section={response.unleashed}>
              {(organisation) => <UnleashedInventoryCard key={organisation.source.account} organisation={organisation} />}
            </IntegrationSectionState>
          </div>
        )}
      </QueryState>
    </Section>
  );
}
