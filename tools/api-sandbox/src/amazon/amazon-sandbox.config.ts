import { z } from 'zod';

import { parseFlags, systemPort } from '../config/cli-flags';
import type { AmazonSandboxOptions, MarketplaceSpec } from './amazon.types';

/** `id:CURRENCY`, comma separated. */
const marketplaceEntry = /^[A-Z0-9]{10,14}:[A-Z]{3}$/;

const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  marketplaces: z
    .string()
    .default('A1F83G8C2ARO7P:GBP,A1PA6795UKMFR9:EUR')
    .refine((v) => v.split(',').every((e) => marketplaceEntry.test(e.trim())), 'entries are MARKETPLACEID:CURRENCY, comma separated'),
  region: z.enum(['na', 'eu', 'fe']).default('eu'),
  skus: z.coerce.number().int().min(1).max(200_000).default(300),
  orders: z.coerce.number().int().min(0).max(200_000).default(400),
  shipments: z.coerce.number().int().min(0).max(10_000).default(12),
  rateScale: z.coerce.number().positive().max(100_000).default(1),
  seed: z.coerce.number().int().default(7),
  referenceDate: z.iso.datetime().optional(),
});

/**
 * Reads `--amazon-marketplaces= --amazon-region= --amazon-skus= --amazon-orders= --amazon-shipments=
 * --amazon-rate-scale= --amazon-seed= --amazon-port=` (default `--port` + 80; `--port=0`: a free port;
 * `--reference-date=` is shared), falling back to AMAZON_SANDBOX_* variables. Throws with the offending option named.
 */
export function loadAmazonSandboxOptions(argv: readonly string[], env: NodeJS.ProcessEnv): AmazonSandboxOptions {
  const args = parseFlags(argv);
  const pick = (name: string) => args[`amazon-${name}`] ?? env[`AMAZON_SANDBOX_${name.toUpperCase().replace(/-/g, '_')}`];
  const parsed = schema.safeParse({
    port: systemPort(args, env, 'amazon', 80),
    marketplaces: pick('marketplaces'),
    region: pick('region'),
    skus: pick('skus'),
    orders: pick('orders'),
    shipments: pick('shipments'),
    rateScale: pick('rate-scale'),
    seed: pick('seed'),
    referenceDate: args['reference-date'],
  });
  if (!parsed.success) {
    throw new Error(`invalid sandbox config: ${parsed.error.issues.map((i) => `amazon-${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const config = parsed.data;
  const marketplaces: MarketplaceSpec[] = config.marketplaces.split(',').map((entry) => {
    const [id, currency] = entry.trim().split(':');
    return { id, currency, skus: config.skus, orders: config.orders, shipments: config.shipments };
  });
  return {
    port: config.port,
    marketplaces,
    region: config.region,
    rateScale: config.rateScale,
    seed: config.seed,
    ...(config.referenceDate ? { referenceDate: config.referenceDate } : {}),
  };
}
