import type { EventSource } from '@ops/sse-events';
import { amazonWorker } from '@ops/integrations/amazon';
import { shopifyWorker } from '@ops/integrations/shopify';
import { unleashedWorker } from '@ops/integrations/unleashed';
import { xeroWorker } from '@ops/integrations/xero';
import { readForecastConfig } from '@ops/forecasting';
import type { ConfigAnswer, Environment, WorkerDefinition } from '@ops/sync-core';

export type SourceEnvironment = EventSource['environment'];

/** A configured account, and whether the worker syncs it from a sandbox (its events say the same). */
export interface ConfiguredAccount {
  id: string;
  label?: string;
  environment: SourceEnvironment;
}

export type SourceConfig =
  | { configured: false; reason: string }
  | { configured: true; accounts: ConfiguredAccount[]; environment: SourceEnvironment };

export interface ReadSources {
  shopify: SourceConfig;
  amazon: SourceConfig;
  unleashed: SourceConfig;
  /** Xero tenants are found through the connection at sync time: `accounts` are only those `XERO_TENANTS` names. */
  xero: SourceConfig;
  forecast: { environment: SourceEnvironment; timeZone: string };
}

const environmentOf = (sandbox: boolean): SourceEnvironment => (sandbox ? 'sandbox' : 'production');

/**
 * Reads a definition's config as its worker does; a config that is present but wrong reads as not
 * configured with the reader's message (which names variables, never secret values).
 */
function answerOf<C>(worker: WorkerDefinition<C>, env: Environment): ConfigAnswer<C> {
  try {
    return worker.readConfig(env);
  } catch (error) {
    return { configured: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Each integration's accounts and environment from the same config readers the workers use, so the
 * read API says `sandbox` exactly when the workers' events do (an endpoint is configured).
 */
export function readSourcesOf(env: Environment): ReadSources {
  const shopify = answerOf(shopifyWorker, env);
  const amazon = answerOf(amazonWorker, env);
  const unleashed = answerOf(unleashedWorker, env);
  const xero = answerOf(xeroWorker, env);
  const forecast = readForecastConfig(env);
  return {
    shopify: shopify.configured
      ? {
          configured: true,
          environment: environmentOf(shopify.config.stores.some((s) => s.endpoint)),
          accounts: shopify.config.stores.map((s) => ({ id: s.domain, ...(s.label ? { label: s.label } : {}), environment: environmentOf(Boolean(s.endpoint)) })),
        }
      : shopify,
    amazon: amazon.configured ? withAccounts(amazon.accounts, environmentOf(Boolean(amazon.config.endpoint))) : amazon,
    unleashed: unleashed.configured ? withAccounts(unleashed.accounts, environmentOf(unleashed.config.sandbox)) : unleashed,
    xero: xero.configured ? withAccounts(xero.accounts, environmentOf(xero.config.sandbox)) : xero,
    forecast: { environment: forecast.environment, timeZone: forecast.timeZone },
  };
}

function withAccounts(accounts: { id: string; label?: string }[], environment: SourceEnvironment): SourceConfig {
  return { configured: true, environment, accounts: accounts.map((a) => ({ ...a, environment })) };
}
