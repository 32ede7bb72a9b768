import type { IntegrationStatusEntry } from '@ops/read-api-contract';

import { integrationView } from './integration-state';

const base: IntegrationStatusEntry = { integration: 'xero', configured: true, accounts: [{ id: 't-1' }], lastRun: null, nextRunAt: null };
const run = (status: NonNullable<IntegrationStatusEntry['lastRun']>['status'], error?: { code: string; message: string }) => ({
  status,
  startedAt: '2026-12-02T04:00:00.000Z',
  finishedAt: '2026-12-02T04:00:05.000Z',
  counters: {},
  ...(error ? { error } : {}),
});

describe('integrationView', () => {
  it('says an integration is not configured, and why', () => {
    const view = integrationView({ ...base, configured: false, accounts: [], reason: 'XERO_CLIENT_ID is not set' });
    expect(view).toMatchObject({ status: 'not_configured', headline: 'Xero not configured', detail: 'XERO_CLIENT_ID is not set' });
  });

  it('says a configured integration has not synced yet', () => {
    expect(integrationView(base)).toMatchObject({ status: 'never_run', headline: 'Xero: no sync yet', detail: null });
  });

  it('shows the last run status and its error', () => {
    const view = integrationView({ ...base, integration: 'amazon', lastRun: run('failed', { code: 'rate_limited', message: 'quota exceeded' }) });
    expect(view).toMatchObject({ status: 'failed', headline: 'Amazon: last sync failed', detail: 'rate_limited: quota exceeded', tone: 'error' });
  });

  it('names an integration it does not know by capitalising it', () => {
    expect(integrationView({ ...base, integration: 'netsuite', lastRun: run('succeeded') }).headline).toBe('Netsuite: last sync succeeded');
  });
});
