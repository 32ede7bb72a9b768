import { type InventorySummary, InventoryPageSchema, parseResponse } from './amazon.api-types';
import type { SpApiClient } from './sp-api.client';

/**
 * Every FBA inventory summary of one marketplace (with details), page by page through
 * `nextToken`, re-sending `startDateTime` with each token as Amazon requires. Without
 * `startDateTime`, the whole inventory; with it, the SKUs changed since then.
 */
export async function* inventorySummaries(client: SpApiClient, marketplaceId: string, startDateTime?: string, signal?: AbortSignal): AsyncGenerator<InventorySummary[]> {
  let nextToken: string | undefined;
  do {
    const body = await client.call('getInventorySummaries', {
      query: {
        details: true,
        granularityType: 'Marketplace',
        granularityId: marketplaceId,
        marketplaceIds: [marketplaceId],
        ...(startDateTime ? { startDateTime } : {}),
        ...(nextToken ? { nextToken } : {}),
      },
      signal,
    });
    const page = parseResponse(InventoryPageSchema, body, 'getInventorySummaries');
    yield page.payload.inventorySummaries;
    nextToken = page.pagination?.nextToken || undefined;
  } while (nextToken);
}
