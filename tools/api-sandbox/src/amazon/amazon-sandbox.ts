import type { AddressInfo } from 'node:net';

import { stableHex } from '../common/prng';
import {
  type AmazonCredentials,
  type AmazonFaultPlan,
  type AmazonOperation,
  type AmazonRegion,
  type AmazonRequestLogEntry,
  type AmazonSandboxOptions,
  type SandboxInventoryChange,
  type UsagePlan,
} from './amazon.types';
import { applyRound } from './dataset/dataset-changes';
import type { MarketplaceData } from './dataset/dataset.types';
import { type ExpectedMarketplaceTotals, expectedMarketplaceTotals, type LowStockRule } from './dataset/expected-totals';
import { generateMarketplace } from './dataset/marketplace-dataset';
import { LwaTokens } from './http/lwa.handler';
import { NextTokens } from './http/next-tokens';
import { createSpApiServer } from './http/sp-api-server';
import { OperationBuckets, scaledPlans } from './http/usage-plans';

export interface AmazonSandbox {
  /** `http://127.0.0.1:<port>`: LWA's `/auth/o2/token` and the SP-API paths hang off it. */
  readonly url: string;
  readonly region: AmazonRegion;
  readonly credentials: AmazonCredentials;
  readonly marketplaces: readonly { id: string; currency: string }[];
  /** The usage plans the buckets enforce (documented rates times `rateScale`). */
  readonly usagePlans: Readonly<Record<AmazonOperation, UsagePlan>>;
  /** The live data, for specs that compute their own expectations from it. */
  readonly data: ReadonlyMap<string, MarketplaceData>;
  /** Every request so far, in arrival order. */
  readonly requests: readonly AmazonRequestLogEntry[];
  /** Requests per operation (and `token`) since start, or since `resetCounts`. */
  requestCounts(): Record<string, number>;
  /** How many 429s the buckets answered. */
  throttled(): number;
  resetCounts(): void;
  /** The figures a correct sync reports for a marketplace at `asOf`, computed from the data alone. */
  expectedTotals(marketplace: string, asOf: number, rule: LowStockRule): ExpectedMarketplaceTotals;
  /** Applies the next round of seeded changes, stamped at the sandbox clock; returns the inventory changes. */
  advance(): SandboxInventoryChange[];
  setFaults(plan: AmazonFaultPlan | undefined): void;
  close(): Promise<void>;
}

/** Starts the SP-API emulator (LWA, FBA inventory, Orders 2026-01-01, FBA inbound v0) on one port. */
export async function startAmazonSandbox(options: AmazonSandboxOptions): Promise<AmazonSandbox> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 7;
  const region = options.region ?? 'eu';
  const reference = options.referenceDate ? Date.parse(options.referenceDate) : now();
  const data = new Map(options.marketplaces.map((spec) => [spec.id, generateMarketplace(spec, seed, reference)]));
  const credentials: AmazonCredentials = {
    clientId: `amzn1.application-oa2-client.${stableHex(seed + 1, 32)}`,
    clientSecret: `amzn1.oa2-cs.v1.${stableHex(seed + 2, 64)}`,
    refreshToken: `Atzr|${stableHex(seed + 3, 96)}`,
  };
  const usagePlans = scaledPlans(options.rateScale ?? 1, options.rateScales);
  const rateHeaders = new OperationBuckets(usagePlans, now);
  const buckets = options.rateLimits === 'off' ? undefined : new OperationBuckets(usagePlans, now);
  let faults: AmazonFaultPlan = options.faults ?? {};
  const lwa = new LwaTokens(credentials, now);
  lwa.revoked = faults.revoked ?? false;
  const log: AmazonRequestLogEntry[] = [];
  let countFrom = 0;
  let round = 0;
  const advance = () => {
    round += 1;
    return [...data.values()].flatMap((market) => applyRound(market, seed, round, now()).inventory);
  };
  const server = createSpApiServer({ state: { marketplaces: data, tokens: new NextTokens(now), now }, lwa, buckets, rateHeaders, faults: () => faults, log, advance });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    region,
    credentials,
    marketplaces: options.marketplaces.map(({ id, currency }) => ({ id, currency })),
    usagePlans,
    data,
    requests: log,
    requestCounts() {
      const counts: Record<string, number> = {};
      for (const entry of log.slice(countFrom)) counts[entry.operation] = (counts[entry.operation] ?? 0) + 1;
      return counts;
    },
    throttled: () => log.slice(countFrom).filter((entry) => entry.status === 429).length,
    resetCounts: () => void (countFrom = log.length),
    expectedTotals(marketplace, asOf, rule) {
      const market = data.get(marketplace);
      if (!market) throw new Error(`no sandbox marketplace ${marketplace}`);
      return expectedMarketplaceTotals(market, asOf, rule);
    },
    advance,
    setFaults(plan) {
      faults = plan ?? {};
      lwa.revoked = faults.revoked ?? false;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
