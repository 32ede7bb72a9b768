import { z } from 'zod';

import { loadConfig } from '@ops/sync-core';

import { type AmazonRegion, MARKETPLACES } from './marketplaces';

export interface AmazonMarketplaceConfig {
  id: string;
  currency: string;
}

export interface AmazonConfig {
  region: AmazonRegion;
  marketplaces: AmazonMarketplaceConfig[];
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** A local base URL (the API sandbox) serving LWA and the SP-API; events then say `sandbox`. */
  endpoint?: string;
  lowStockDays: number;
  lowStockUnits: number;
  /** Days of orders the first run fetches, and the window totals and daily rates cover. */
  windowDays: number;
  cron: string;
}

const SECRETS = ['AMAZON_CLIENT_SECRET', 'AMAZON_REFRESH_TOKEN'];

const Schema = z
  .object({
    AMAZON_MARKETPLACES: z
      .string()
      .transform((v) => v.split(',').map((e) => e.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[A-Z0-9]{9,14}(:[A-Z]{3})?$/, 'entries are marketplace ids, optionally with :CURRENCY')).min(1).max(50)),
    AMAZON_REGION: z.enum(['na', 'eu', 'fe']).optional(),
    AMAZON_CLIENT_ID: z.string().min(8, 'is required (the LWA client id, amzn1.application-oa2-client....)'),
    AMAZON_CLIENT_SECRET: z.string().min(8, 'is required (the LWA client secret)'),
    AMAZON_REFRESH_TOKEN: z.string().min(8, 'is required (the seller authorisation, Atzr|...)'),
    AMAZON_ENDPOINT: z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost)$/ }).optional(),
    AMAZON_LOW_STOCK_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    AMAZON_LOW_STOCK_UNITS: z.coerce.number().int().min(0).max(1_000_000).default(10),
    AMAZON_WINDOW_DAYS: z.coerce.number().int().min(1).max(730).default(30),
    AMAZON_SYNC_CRON: z.string().default('*/30 * * * *'),
  })
  .superRefine((env, ctx) => {
    const regions = new Set<string>();
    for (const entry of env.AMAZON_MARKETPLACES) {
      const [id, currency] = entry.split(':');
      const known = MARKETPLACES[id];
      if (!known && !currency) ctx.addIssue({ code: 'custom', path: ['AMAZON_MARKETPLACES'], message: `${id} is not a known marketplace: give its currency as ${id}:CUR` });
      if (known) regions.add(known.region);
    }
    if (regions.size > 1) ctx.addIssue({ code: 'custom', path: ['AMAZON_MARKETPLACES'], message: 'marketplaces span several SP-API regions; configure one region per worker' });
    const region = env.AMAZON_REGION;
    if (region && regions.size === 1 && !regions.has(region)) {
      ctx.addIssue({ code: 'custom', path: ['AMAZON_REGION'], message: `is ${region} but the marketplaces are in ${[...regions][0]}` });
    }
    if (!region && regions.size === 0) ctx.addIssue({ code: 'custom', path: ['AMAZON_REGION'], message: 'is required (na, eu or fe) when no marketplace is a known one' });
  });

/**
 * Reads the Amazon worker's variables. `undefined` when `AMAZON_MARKETPLACES` is unset (not
 * configured). Currency comes from Amazon's marketplace table (or `ID:CUR` for one it lacks);
 * the region from `AMAZON_REGION` or the marketplaces.
 * @throws ConfigError naming each bad variable, never printing a secret's value.
 */
export function readAmazonConfig(env: Record<string, string | undefined>): AmazonConfig | undefined {
  if (!env['AMAZON_MARKETPLACES']?.trim()) return undefined;
  const parsed = loadConfig(Schema, env, { secrets: SECRETS });
  const marketplaces = parsed.AMAZON_MARKETPLACES.map((entry) => {
    const [id, currency] = entry.split(':');
    return { id, currency: currency ?? MARKETPLACES[id].currency };
  });
  const region = parsed.AMAZON_REGION ?? MARKETPLACES[marketplaces.find((m) => MARKETPLACES[m.id])?.id ?? '']?.region ?? 'eu';
  return {
    region,
    marketplaces,
    clientId: parsed.AMAZON_CLIENT_ID,
    clientSecret: parsed.AMAZON_CLIENT_SECRET,
    refreshToken: parsed.AMAZON_REFRESH_TOKEN,
    endpoint: parsed.AMAZON_ENDPOINT?.replace(/\/$/, ''),
    lowStockDays: parsed.AMAZON_LOW_STOCK_DAYS,
    lowStockUnits: parsed.AMAZON_LOW_STOCK_UNITS,
    windowDays: parsed.AMAZON_WINDOW_DAYS,
    cron: parsed.AMAZON_SYNC_CRON,
  };
}
