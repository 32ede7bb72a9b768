import { hashString } from '../common/prng';
import type { ShopProfile } from './dataset/dataset.types';
import type { ShopSpec } from './sandbox.types';
import { assertTimeZone, defaultTimeZone } from './time-zones';

export const DEFAULT_REFERENCE_DATE = '2026-11-01T00:00:00Z';
export const DEFAULT_SPAN_DAYS = 180;
export const DEFAULT_PRODUCTS = 40;
const DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Validates a ShopSpec and resolves its defaults; throws with a message naming the bad field. */
export function resolveProfile(spec: ShopSpec, referenceDate = DEFAULT_REFERENCE_DATE, spanDays = DEFAULT_SPAN_DAYS): ShopProfile {
  if (!DOMAIN.test(spec.domain)) throw new Error(`shop domain must look like name.myshopify.com (got ${spec.domain})`);
  if (!Number.isInteger(spec.orders) || spec.orders < 0) throw new Error(`${spec.domain}: orders must be a non-negative integer`);
  const productCount = spec.products ?? DEFAULT_PRODUCTS;
  if (!Number.isInteger(productCount) || productCount < 1) throw new Error(`${spec.domain}: products must be a positive integer`);
  const endMs = Date.parse(referenceDate);
  if (Number.isNaN(endMs)) throw new Error(`referenceDate is not an ISO date: ${referenceDate}`);
  const timeZone = spec.timeZone ?? defaultTimeZone(spec.currency);
  try {
    assertTimeZone(timeZone);
  } catch (error) {
    throw new Error(`${spec.domain}: timeZone: ${(error as Error).message}`);
  }
  const end = Math.floor(endMs / 1000);
  return {
    domain: spec.domain,
    name: spec.name ?? `Sandbox ${spec.domain.split('.')[0]}`,
    currency: spec.currency,
    seed: (spec.seed ?? hashString(spec.domain)) >>> 0,
    orderCount: spec.orders,
    productCount,
    fees: spec.fees ?? true,
    timeZone,
    utcOffsetMinutes: spec.utcOffsetMinutes,
    start: end - spanDays * 86400,
    end,
  };
}
