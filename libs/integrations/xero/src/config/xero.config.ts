import { z } from 'zod';

import { loadConfig } from '@ops/sync-core';

export const XERO_SCOPES = 'offline_access accounting.reports.balancesheet.read accounting.settings.read';

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const Schema = z
  .object({
    XERO_CLIENT_ID: z.string().min(4),
    XERO_CLIENT_SECRET: z.string().min(8),
    XERO_GRANT: z.enum(['authorization_code', 'client_credentials']).default('authorization_code'),
    XERO_REFRESH_TOKEN: z.preprocess(blankAsUnset, z.string().min(8).optional()),
    /** One local base URL serving Xero's identity, connections and accounting paths: the API sandbox. */
    XERO_ENDPOINT: z.preprocess(blankAsUnset, z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost)$/ }).optional()),
    XERO_TENANTS: z.preprocess(
      blankAsUnset,
      z
        .string()
        .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
        .optional(),
    ),
    XERO_SYNC_CRON: z.string().default('*/30 * * * *'),
    XERO_REDIRECT_URI: z.url({ protocol: /^https?$/ }).default('http://localhost:5599/callback'),
    /** The day limit of the app's plan (1,000 on Starter, 5,000 on Core and above); the API's headers still win. */
    XERO_DAY_LIMIT: z.coerce.number().int().min(1).default(5000),
  })
  .refine((c) => c.XERO_GRANT !== 'client_credentials' || !c.XERO_REFRESH_TOKEN, {
    message: 'XERO_REFRESH_TOKEN is not used with XERO_GRANT=client_credentials (Custom Connections have no refresh token)',
    path: ['XERO_REFRESH_TOKEN'],
  });

export interface XeroEndpoints {
  authorize: string;
  token: string;
  connections: string;
  accounting: string;
}

export interface XeroConfig {
  clientId: string;
  clientSecret: string;
  grant: 'authorization_code' | 'client_credentials';
  /** Seeds the credential store on first start; ignored once the store holds a token it led to. */
  seedRefreshToken?: string;
  endpoints: XeroEndpoints;
  /** True when `XERO_ENDPOINT` points at a local sandbox: events say `environment: sandbox`. */
  sandbox: boolean;
  /** Only these tenant ids (from `XERO_TENANTS`); every connected tenant when absent. */
  tenantFilter?: string[];
  cron: string;
  redirectUri: string;
  dayLimit: number;
}

/** Xero's production URLs, or every path under one local base URL. */
export function xeroEndpoints(base?: string): XeroEndpoints {
  if (!base) {
    return {
      authorize: 'https://login.xero.com/identity/connect/authorize',
      token: 'https://identity.xero.com/connect/token',
      connections: 'https://api.xero.com/connections',
      accounting: 'https://api.xero.com/api.xro/2.0',
    };
  }
  const root = base.replace(/\/+$/, '');
  return {
    authorize: `${root}/identity/connect/authorize`,
    token: `${root}/connect/token`,
    connections: `${root}/connections`,
    accounting: `${root}/api.xro/2.0`,
  };
}

/**
 * Reads `XERO_CLIENT_ID`, `XERO_CLIENT_SECRET`, `XERO_GRANT`, `XERO_REFRESH_TOKEN`, `XERO_ENDPOINT`,
 * `XERO_TENANTS`, `XERO_SYNC_CRON`, `XERO_REDIRECT_URI`, `XERO_DAY_LIMIT`. Returns `undefined` when
 * neither the client id nor the secret is set: Xero is simply not configured.
 * @throws ConfigError naming each bad variable; secret values never appear in it.
 */
export function readXeroConfig(env: Record<string, string | undefined>): XeroConfig | undefined {
  if (!env['XERO_CLIENT_ID']?.trim() && !env['XERO_CLIENT_SECRET']?.trim()) return undefined;
  const c = loadConfig(Schema, env, { secrets: ['XERO_CLIENT_SECRET', 'XERO_REFRESH_TOKEN'] });
  return {
    clientId: c.XERO_CLIENT_ID,
    clientSecret: c.XERO_CLIENT_SECRET,
    grant: c.XERO_GRANT,
    ...(c.XERO_REFRESH_TOKEN ? { seedRefreshToken: c.XERO_REFRESH_TOKEN } : {}),
    endpoints: xeroEndpoints(c.XERO_ENDPOINT),
    sandbox: Boolean(c.XERO_ENDPOINT),
    ...(c.XERO_TENANTS?.length ? { tenantFilter: c.XERO_TENANTS } : {}),
    cron: c.XERO_SYNC_CRON,
    redirectUri: c.XERO_REDIRECT_URI,
    dayLimit: c.XERO_DAY_LIMIT,
  };
}
