import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { ForecastsResponse, InventoryResponse, ProductionResponse, SalesResponse, WorkingCapitalResponse } from '@ops/read-api-contract';
import { type Database, openDatabase } from '@ops/store';

import { getJson, startReadApi } from '../test/read-api-harness';
import { ReadApiModule } from './read-api.module';
import { ReadModel } from './read-model';

/** An empty store: what the API says for integrations that are not configured, or configured and never synced. */
describe('read API before any sync', () => {
  let database: Database;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    database = await openDatabase({ inMemory: true });
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await database?.close();
  });

  async function start(env: Record<string, string>): Promise<string> {
    const { url, app } = await startReadApi(database, env);
    apps.push(app);
    return url;
  }

  it('says not_configured, with the config reader\'s reason, for every integration without config', async () => {
    const url = await start({});
    const sales = (await getJson<SalesResponse>(`${url}/api/sales`)).body;
    expect(sales.shopify).toEqual({ status: 'not_configured', reason: expect.stringMatching(/^SHOPIFY_STORES is not set/) });
    expect(sales.amazon).toEqual({ status: 'not_configured', reason: expect.stringMatching(/^AMAZON_MARKETPLACES is not set/) });
    expect((await getJson<WorkingCapitalResponse>(`${url}/api/working-capital`)).body.xero).toEqual({
      status: 'not_configured',
      reason: expect.stringMatching(/^XERO_CLIENT_ID and XERO_CLIENT_SECRET are not set/),
    });
    const inventory = (await getJson<InventoryResponse>(`${url}/api/inventory`)).body;
    expect([inventory.amazon.status, inventory.unleashed.status]).toEqual(['not_configured', 'not_configured']);
    expect((await getJson<ProductionResponse>(`${url}/api/production`)).body.unleashed.status).toBe('not_configured');
    const forecasts = (await getJson<ForecastsResponse>(`${url}/api/forecasts`)).body;
    expect(forecasts).toMatchObject({ source: { system: 'forecast', account: 'all', environment: 'production' }, activeJob: null, latest: { status: 'no_data' } });
  });

  it('says no_data (never zeros) for configured accounts that have not synced', async () => {
    const url = await start({
      SHOPIFY_STORES: 'uk',
      SHOPIFY_UK_DOMAIN: 'never-synced.myshopify.com',
      SHOPIFY_UK_LABEL: 'UK',
      SHOPIFY_UK_ACCESS_TOKEN: 'shpat_not_used_here',
      SHOPIFY_UK_ENDPOINT: 'http://127.0.0.1:9',
      XERO_CLIENT_ID: 'client-id-not-used',
      XERO_CLIENT_SECRET: 'client-secret-not-used',
      UNLEASHED_API_ID: '00000000-0000-4000-8000-000000000000',
      UNLEASHED_API_KEY: 'an-api-key-not-used-here',
      UNLEASHED_CLIENT_TYPE: 'ops/read-api-tests',
    });
    const sales = (await getJson<SalesResponse>(`${url}/api/sales`)).body;
    expect(sales.shopify).toEqual({
      status: 'configured',
      accounts: [
        {
          status: 'no_data',
          source: { system: 'shopify', account: 'never-synced.myshopify.com', environment: 'sandbox' },
          label: 'UK',
          reason: 'no sync of this store has completed yet',
        },
      ],
    });
    expect((await getJson<WorkingCapitalResponse>(`${url}/api/working-capital`)).body.xero).toEqual({
      status: 'configured',
      accounts: [],
      reason: 'no Xero tenant has synced yet',
    });
    const production = (await getJson<ProductionResponse>(`${url}/api/production`)).body;
    expect(production.unleashed).toEqual({
      status: 'configured',
      accounts: [{ status: 'no_data', source: { system: 'unleashed', account: 'main', environment: 'production' }, reason: 'no Unleashed sync has completed yet' }],
    });
  });

  it('answers 500 rather than send a body that breaks the contract', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ReadApiModule] })
      .overrideProvider(ReadModel)
      .useValue({ sales: async () => ({ generatedAt: new Date().toISOString(), shopify: { status: 'configured', accounts: [{ status: 'ok', revenue: 12.5 }] } }) })
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    apps.push(app);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const response = await getJson<{ message: string }>(`http://127.0.0.1:${port}/api/sales`);
    expect(response.status).toBe(500);
    expect(response.body.message).toBe('the sales response failed its contract check (logged)');
  });
});
