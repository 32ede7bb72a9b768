import { intBetween, mixSeed, mulberry32 } from '../../common/prng';
import type { SandboxProduct, ShopProfile } from './dataset.types';

const ADJECTIVES = ['Oak', 'Steel', 'Linen', 'Copper', 'Walnut', 'Slate', 'Cedar', 'Brass', 'Wool', 'Granite'];
const NOUNS = ['Bracket', 'Hinge', 'Panel', 'Widget', 'Clamp', 'Spindle', 'Coupler', 'Flange', 'Gasket', 'Frame'];
const SIZES = ['S', 'M', 'L'];

export const PRODUCT_ID_BASE = 8_000_000_000;
export const VARIANT_ID_BASE = 44_000_000_000;

/** Product `index` of the shop's catalogue, derived from the seed alone. */
export function generateProduct(profile: ShopProfile, index: number): SandboxProduct {
  const next = mulberry32(mixSeed(profile.seed, 0x70726f64, index));
  const title = `Sandbox ${ADJECTIVES[intBetween(next, 0, ADJECTIVES.length - 1)]} ${NOUNS[intBetween(next, 0, NOUNS.length - 1)]} ${index + 1}`;
  // Prices in minor units: GBP 5.00-200.00 (x.99 half the time), JPY 500-20000 yen, BHD 2.500-100.000 (x.995).
  const scale = profile.currency === 'BHD' ? 500 : 100;
  const basePrice = intBetween(next, 5, 200) * scale - (next() < 0.5 ? scale / 100 : 0);
  const variantCount = intBetween(next, 1, 3);
  const createdAt = profile.start - intBetween(next, 1, 365) * 86400;
  const updatedAt = Math.min(profile.end - 1, createdAt + intBetween(next, 0, 400) * 86400);
  const variants = Array.from({ length: variantCount }, (_, v) => ({
    id: VARIANT_ID_BASE + index * 4 + v + 1,
    sku: `SBX-${index + 1}-${SIZES[v]}`,
    title: variantCount === 1 ? 'Default Title' : SIZES[v] ?? 'Default Title',
    price: basePrice + v * 100,
  }));
  const handle = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { index, id: PRODUCT_ID_BASE + index + 1, title, handle, createdAt, updatedAt, variants };
}

const catalogues = new WeakMap<ShopProfile, SandboxProduct[]>();

/** The whole catalogue, generated once per profile (orders pick their line items from it). */
export function catalogueOf(profile: ShopProfile): readonly SandboxProduct[] {
  let products = catalogues.get(profile);
  if (!products) {
    products = Array.from({ length: profile.productCount }, (_, i) => generateProduct(profile, i));
    catalogues.set(profile, products);
  }
  return products;
}
