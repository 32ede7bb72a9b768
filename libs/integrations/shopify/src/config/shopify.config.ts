import { z } from 'zod';

import { loadConfig } from '@ops/sync-core';

const STORE_KEY = /^[A-Z0-9_]{1,32}$/;

const StoreSchema = z
  .object({
    key: z.string().regex(STORE_KEY),
    domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be a shop domain such as acme-uk.myshopify.com'),
    label: z.string().max(100).optional(),
    accessToken: z.string().min(8).optional(),
    clientId: z.string().min(4).optional(),
    clientSecret: z.string().min(8).optional(),
    /** A local endpoint (the API sandbox): requests go there over plain HTTP and events say `sandbox`. */
    endpoint: z.url({ protocol: /^http$/, hostname: /^(127\.0\.0\.1|localhost)$/ }).optional(),
  })
  .refine((s) => Boolean(s.accessToken) !== Boolean(s.clientId && s.clientSecret), {
    message: 'give either ACCESS_TOKEN or both CLIENT_ID and CLIENT_SECRET',
  });

export type ShopifyStoreConfig = z.infer<typeof StoreSchema>;

export interface ShopifyConfig {
  stores: ShopifyStoreConfig[];
  cron: string;
  apiVersion: string;
  /** Orders per GraphQL page on incremental syncs. */
  pageSize: number;
  /** Use a bulk operation for a store's first full sync. */
  bulkBackfill: boolean;
}

const GlobalSchema = z.object({
  SHOPIFY_STORES: z
    .string()
    .transform((value) => value.split(',').map((key) => key.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(STORE_KEY, 'store keys are letters, digits and _')).min(1)),
  SHOPIFY_SYNC_CRON: z.string().default('*/15 * * * *'),
  SHOPIFY_API_VERSION: z.string().regex(/^\d{4}-\d{2}$/).default('2026-07'),
  /** 15 orders (with up to 10 lines and 5 transactions each) stay under Shopify's 1000-point query cap. */
  SHOPIFY_PAGE_SIZE: z.coerce.number().int().min(1).max(18).default(15),
  SHOPIFY_BULK_BACKFILL: z.enum(['on', 'off']).default('on'),
});

/**
 * Reads the Shopify stores from the environment: `SHOPIFY_STORES=uk,eu,us`, then per store
 * `SHOPIFY_UK_DOMAIN`, optional `SHOPIFY_UK_LABEL`, and either `SHOPIFY_UK_ACCESS_TOKEN` or
 * `SHOPIFY_UK_CLIENT_ID` + `SHOPIFY_UK_CLIENT_SECRET` (24-hour client-credentials tokens).
 * `SHOPIFY_UK_ENDPOINT` points a store at a local sandbox. Returns `undefined` when
 * `SHOPIFY_STORES` is unset: the integration is simply not configured.
 * @throws ConfigError naming each bad variable; secret values never appear in it.
 */
export function readShopifyConfig(env: Record<string, string | undefined> = process.env): ShopifyConfig | undefined {
  if (!env['SHOPIFY_STORES']?.trim()) return undefined;
  const global = loadConfig(GlobalSchema, env);
  const variable = (key: string, field: string) => `SHOPIFY_${key}_${field}`;
  const perStore = z.object(
    Object.fromEntries(
      global.SHOPIFY_STORES.map((key) => [
        key,
        z.preprocess(
          () => ({
            key,
            domain: env[variable(key, 'DOMAIN')],
            label: env[variable(key, 'LABEL')],
            accessToken: env[variable(key, 'ACCESS_TOKEN')],
            clientId: env[variable(key, 'CLIENT_ID')],
            clientSecret: env[variable(key, 'CLIENT_SECRET')],
            endpoint: env[variable(key, 'ENDPOINT')],
          }),
          StoreSchema,
        ),
      ]),
    ),
  );
  const secrets = global.SHOPIFY_STORES.flatMap((key) => [variable(key, 'ACCESS_TOKEN'), variable(key, 'CLIENT_SECRET')]);
  const stores = loadConfig(perStore, env, { secrets }) as Record<string, ShopifyStoreConfig>;
  return {
    stores: global.SHOPIFY_STORES.map((key) => stores[key]),
    cron: global.SHOPIFY_SYNC_CRON,
    apiVersion: global.SHOPIFY_API_VERSION,
    pageSize: global.SHOPIFY_PAGE_SIZE,
    bulkBackfill: global.SHOPIFY_BULK_BACKFILL === 'on',
  };
}
