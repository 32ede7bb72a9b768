import type { IntegrationStatusEntry } from '@ops/read-api-contract';

/** `data-status` of an integration: not configured, configured but never synced, or its last run's status. */
export type IntegrationDisplayStatus = 'not_configured' | 'never_run' | NonNullable<IntegrationStatusEntry['lastRun']>['status'];

export interface IntegrationView {
  name: string;
  displayName: string;
  status: IntegrationDisplayStatus;
  /** One line a person reads first: "Xero not configured", "Shopify: no sync yet", "Amazon: last sync failed". */
  headline: string;
  /** Why it is not configured, or the last run's error. */
  detail: string | null;
  tone: 'ok' | 'warn' | 'error' | 'neutral';
}

const DISPLAY_NAMES: Readonly<Record<string, string>> = { xero: 'Xero', shopify: 'Shopify', amazon: 'Amazon', unleashed: 'Unleashed', forecast: 'Forecast' };

export function displayNameOf(integration: string): string {
  return DISPLAY_NAMES[integration] ?? integration.charAt(0).toUpperCase() + integration.slice(1);
}

const TONES: Readonly<Record<IntegrationDisplayStatus, IntegrationView['tone']>> = {
  not_configured: 'neutral',
  never_run: 'neutral',
  running: 'ok',
  succeeded: 'ok',
  partial: 'warn',
  interrupted: 'warn',
  abandoned: 'warn',
  failed: 'error',
};

const HEADLINE_STATUS: Readonly<Record<IntegrationDisplayStatus, string>> = {
  not_configured: 'not configured',
  never_run: 'no sync yet',
  running: 'sync running',
  succeeded: 'last sync succeeded',
  partial: 'last sync partly failed',
  interrupted: 'last sync interrupted',
  abandoned: 'last sync abandoned',
  failed: 'last sync failed',
};

/** What the integrations panel shows for one entry of `GET /api/integrations`. */
export function integrationView(entry: IntegrationStatusEntry): IntegrationView {
  const displayName = displayNameOf(entry.integration);
  const status: IntegrationDisplayStatus = !entry.configured ? 'not_configured' : entry.lastRun ? entry.lastRun.status : 'never_run';
  const headline = status === 'not_configured' ? `${displayName} not configured` : `${displayName}: ${HEADLINE_STATUS[status]}`;
  const error = entry.lastRun?.error;
  const detail = status === 'not_configured' ? (entry.reason ?? null) : error ? `${error.code}: ${error.message}` : null;
  return { name: entry.integration, displayName, status, headline, detail, tone: TONES[status] };
}
