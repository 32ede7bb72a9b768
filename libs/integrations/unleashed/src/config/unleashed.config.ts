import { z } from 'zod';

import { loadConfig } from '@ops/sync-core';

import { MAX_PAGE_SIZE } from '../client/unleashed-paging';

const UnleashedEnvSchema = z.object({
  UNLEASHED_API_ID: z.string().trim().min(8, 'must be the API id (a GUID) from Integration > Unleashed API Access'),
  UNLEASHED_API_KEY: z.string().min(16, 'must be the API key from Integration > Unleashed API Access'),
  /** Unleashed asks every integration to name itself: `partner/app`, lower case, no spaces. */
  UNLEASHED_CLIENT_TYPE: z
    .string()
    .regex(/^[a-z0-9._-]+\/[a-z0-9._-]+$/, 'must be partner/app in lower case without spaces, e.g. acme/opsdashboard'),
  /** A local endpoint serving Unleashed's paths (the API sandbox); its events say `sandbox`. */
  UNLEASHED_ENDPOINT: z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost)$/ }).optional(),
  UNLEASHED_ACCOUNT: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ - only').default('main'),
  UNLEASHED_LABEL: z.string().max(100).optional(),
  UNLEASHED_SYNC_CRON: z.string().default('*/30 * * * *'),
  UNLEASHED_PAGE_SIZE: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE),
});

export interface UnleashedConfig {
  apiId: string;
  apiKey: string;
  clientType: string;
  /** Where requests go: the sandbox when set, otherwise Unleashed's API host. */
  baseUrl: string;
  sandbox: boolean;
  accountId: string;
  label?: string;
  cron: string;
  pageSize: number;
}

export const UNLEASHED_API_HOST = 'https://api.unleashedsoftware.com';

/**
 * Reads `UNLEASHED_API_ID`, `UNLEASHED_API_KEY`, `UNLEASHED_CLIENT_TYPE` and the optional
 * `UNLEASHED_ENDPOINT`, `UNLEASHED_ACCOUNT`, `UNLEASHED_LABEL`, `UNLEASHED_SYNC_CRON`,
 * `UNLEASHED_PAGE_SIZE`. Returns `undefined` when `UNLEASHED_API_ID` is unset (not configured).
 * @throws ConfigError naming each bad variable; the key's value never appears in it.
 */
export function readUnleashedConfig(env: Record<string, string | undefined> = process.env): UnleashedConfig | undefined {
  if (!env['UNLEASHED_API_ID']?.trim()) return undefined;
  const parsed = loadConfig(UnleashedEnvSchema, env, { secrets: ['UNLEASHED_API_KEY'] });
  return {
    apiId: parsed.UNLEASHED_API_ID,
    apiKey: parsed.UNLEASHED_API_KEY,
    clientType: parsed.UNLEASHED_CLIENT_TYPE,
    baseUrl: (parsed.UNLEASHED_ENDPOINT ?? UNLEASHED_API_HOST).replace(/\/+$/, ''),
    sandbox: parsed.UNLEASHED_ENDPOINT !== undefined,
    accountId: parsed.UNLEASHED_ACCOUNT,
    ...(parsed.UNLEASHED_LABEL ? { label: parsed.UNLEASHED_LABEL } : {}),
    cron: parsed.UNLEASHED_SYNC_CRON,
    pageSize: parsed.UNLEASHED_PAGE_SIZE,
  };
}
