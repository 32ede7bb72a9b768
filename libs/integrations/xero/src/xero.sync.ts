import { createEnvelope, type Envelope, type EventSource, type SyncError } from '@ops/sse-events';
import { enqueueOutbox } from '@ops/store';
import { fanOutStatus, forEachAccount, type JobOutcome, type RunContext, type SyncJob } from '@ops/sync-core';

import { ReauthorizationRequiredError, TenantNotConnectedError } from './auth/xero-auth.errors';
import type { XeroConfig } from './config/xero.config';
import type { XeroAccountingClient } from './client/xero-accounting.client';
import type { XeroTenantRef } from './client/xero-connections';
import { workingCapitalPayload, xeroSyncError } from './xero.events';
import { syncTenant } from './xero-tenant.sync';

/** Events about the connection as a whole name this account. */
const ALL_TENANTS = 'all-tenants';

export interface XeroSyncParts {
  accessToken: () => Promise<string>;
  accounting: XeroAccountingClient;
  /** `GET /connections` with retries; `listTenants` over the configured URL. */
  tenants: () => Promise<XeroTenantRef[]>;
  /** The balance-sheet date of this run, `YYYY-MM-DD`. Default: today (UTC). */
  today?: () => string;
}

/**
 * The Xero sync: every tenant the connection reaches (or those `XERO_TENANTS` names), each failing
 * on its own with its `xero:sync_error`. A dead grant fails the whole run with exactly one
 * `xero:sync_error` (`reauthorization_required`, not retryable), recorded on the run so
 * `GET /api/integrations` says so.
 */
export class XeroSync implements SyncJob {
  readonly integration = 'xero' as const;

  constructor(
    private readonly config: XeroConfig,
    private readonly parts: XeroSyncParts,
  ) {}

  startedEvent(): Envelope {
    return createEnvelope('xero:sync_started', this.source(ALL_TENANTS), { tenants: (this.config.tenantFilter ?? []).map((tenantId) => ({ tenantId })) });
  }

  failedEvent(error: SyncError, retryable: boolean): Envelope {
    return createEnvelope('xero:sync_error', this.source(ALL_TENANTS), { error, retryable });
  }

  async execute(context: RunContext): Promise<JobOutcome> {
    try {
      return await this.syncTenants(context);
    } catch (error) {
      if (!(error instanceof ReauthorizationRequiredError)) throw error;
      const contractError = xeroSyncError(error);
      context.progress(`xero: ${contractError.message}`);
      return { status: 'failed', counters: { tenants: 0 }, error: contractError, events: [this.failedEvent(contractError, false)] };
    }
  }

  private async syncTenants(context: RunContext): Promise<JobOutcome> {
    await this.parts.accessToken();
    const { tenants, missing } = await this.selected(await this.parts.tenants(), context);
    const asOf = this.parts.today?.() ?? new Date().toISOString().slice(0, 10);
    context.progress(`xero: ${tenants.length} tenant(s), balance sheet as at ${asOf}`);
    let reauthorization: ReauthorizationRequiredError | undefined;
    const results = await forEachAccount(
      tenants,
      async (tenant) => {
        try {
          return await syncTenant(tenant, this.parts.accounting, context, asOf, (reading) =>
            createEnvelope('working_capital:update', this.source(tenant.tenantId), workingCapitalPayload(reading)),
          );
        } catch (error) {
          if (error instanceof ReauthorizationRequiredError) reauthorization = error;
          else if (!context.signal.aborted) await this.reportTenantFailure(context, tenant, error);
          throw error;
        }
      },
      { signal: context.signal },
    );
    // A grant that died mid-run is one connection failure, not one per tenant.
    if (reauthorization) throw reauthorization;
    const published = results.filter((r) => r.status === 'succeeded' && r.value.published).length;
    const outcomes = [...results, ...missing.map(() => ({ status: 'failed' as const }))];
    return {
      status: fanOutStatus(outcomes),
      counters: { tenants: outcomes.length, failedTenants: outcomes.filter((r) => r.status === 'failed').length, updates: published },
    };
  }

  /** The tenants to sync; each `XERO_TENANTS` entry the connection does not reach gets its own error. */
  private async selected(connected: XeroTenantRef[], context: RunContext): Promise<{ tenants: XeroTenantRef[]; missing: string[] }> {
    const filter = this.config.tenantFilter;
    if (!filter) return { tenants: connected, missing: [] };
    const missing = filter.filter((id) => !connected.some((t) => t.tenantId === id));
    for (const tenantId of missing) {
      await this.reportTenantFailure(
        context,
        { tenantId, tenantName: '' },
        new TenantNotConnectedError(`XERO_TENANTS names ${tenantId}, which this Xero connection does not reach (connect it, or remove it)`),
      );
    }
    return { tenants: connected.filter((t) => filter.includes(t.tenantId)), missing };
  }

  private async reportTenantFailure(context: RunContext, tenant: XeroTenantRef, error: unknown): Promise<void> {
    const contractError = xeroSyncError(error);
    const retryable = (error as { retryable?: unknown }).retryable === true;
    context.progress(`${tenant.tenantName || tenant.tenantId}: failed: ${contractError.message}`);
    await enqueueOutbox(context.database.db, [
      createEnvelope('xero:sync_error', this.source(tenant.tenantId), {
        tenant: tenant.tenantId,
        ...(tenant.tenantName ? { tenantName: tenant.tenantName.slice(0, 200) } : {}),
        error: contractError,
        retryable,
      }),
    ]);
  }

  private source(account: string): EventSource {
    return { system: 'xero', account, environment: this.config.sandbox ? 'sandbox' : 'production' };
  }
}

