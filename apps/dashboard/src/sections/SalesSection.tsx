import { SalesResponseSchema } from '@ops/read-api-contract';

import { IntegrationSectionState } from '../components/IntegrationSectionState';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useReadQuery } from '../hooks/use-read-query';
import { AmazonSalesCard } from './AmazonSalesCard';
import { ShopifyStoreCard } from './ShopifyStoreCard';

/** Sales per Shopify store and Amazon marketplace, each in its own currency. */
export function SalesSection() {
  const query = useReadQuery('sales', SalesResponseSchema);
  return (
    <Section title="Sales" className="section-wide" testId="sales">
      <QueryState query={query} what="sales">
        {(response) => (
          <div className="cards">
            <IntegrationSectionState integration="shopify" section={response.shopify}>
              {(store) => <ShopifyStoreCard key={store.source.account} store={store} />}
            </IntegrationSectionState>
            <IntegrationSectionState integration="amazon" section={response.amazon}>
              {(marketplace) => <AmazonSalesCard key={marketplace.source.account} marketplace={marketplace} />}
            </IntegrationSectionState>
          </div>
        )}
      </QueryState>
    </Section>
  );
}
