import { z } from 'zod';

import { parseFlags } from './cli-flags';
import type { SandboxCurrency, ShopSpec, ShopifySandboxOptions } from '../shopify/sandbox.types';

const CURRENCIES = ['GBP', 'EUR', 'USD', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY', 'BHD'] as const satisfies readonly SandboxCurrency[];

/** `domain:CURRENCY[:orders[:seed]]`, comma separated. */
const shopEntry = z.string().transform((entry, ctx): ShopSpec => {
  const [domain = '', currency = '', orders, seed] = entry.trim().split(':');
  const parsedCurrency = z.enum(CURRENCIES).safeParse(currency);
  if (!parsedCurrency.success) {
    ctx.addIssue({ code: 'custom', message: `shop "${entry}": currency must be one of ${CURRENCIES.join(', ')}` });
    return z.NEVER;
  }
  return { domain, currency: parsedCurrency.data, orders: orders ? Number(orders) : 0, ...(seed ? { seed: Number(seed) } : {}) };
});

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8700),
  shops: z.string().default('acme-uk.myshopify.com:GBP,acme-eu.myshopify.com:EUR,acme-us.myshopify.com:USD'),
  orders: z.coerce.number().int().min(0).default(5000),
  rateLimits: z.enum(['realistic', 'off']).default('realistic'),
  referenceDate: z.iso.datetime().optional(),
});

export type SandboxCliConfig = z.infer<typeof configSchema>;

/**
 * Reads `--port= --shops= --orders= --rate-limits= --reference-date=` arguments, falling back
 * to SHOPIFY_SANDBOX_PORT, _SHOPS, _ORDERS, _RATE_LIMITS, _REFERENCE_DATE. Throws with the
 * offending option named.
 */
export function loadSandboxOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ShopifySandboxOptions {
  const args = parseFlags(argv);
  const raw = {
    port: args['port'] ?? env['SHOPIFY_SANDBOX_PORT'],
    shops: args['shops'] ?? env['SHOPIFY_SANDBOX_SHOPS'],
    orders: args['orders'] ?? env['SHOPIFY_SANDBOX_ORDERS'],
    rateLimits: args['rate-limits'] ?? env['SHOPIFY_SANDBOX_RATE_LIMITS'],
    referenceDate: args['reference-date'] ?? env['SHOPIFY_SANDBOX_REFERENCE_DATE'],
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`invalid sandbox config: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const config = parsed.data;
  const shops = config.shops.split(',').map((entry) => {
    const shop = shopEntry.safeParse(entry);
    if (!shop.success) throw new Error(`invalid sandbox config: shops: ${shop.error.issues[0]?.message}`);
    return { ...shop.data, orders: shop.data.orders || config.orders };
  });
  return { port: config.port, shops, rateLimits: config.rateLimits, ...(config.referenceDate ? { referenceDate: config.referenceDate } : {}) };
}
