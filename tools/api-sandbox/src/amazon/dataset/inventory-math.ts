import type { SandboxInventoryItem } from './dataset.types';

export const reservedOf = (item: SandboxInventoryItem) =>
  item.reserved.pendingCustomerOrder + item.reserved.pendingTransshipment + item.reserved.fcProcessing;

export const unfulfillableOf = (item: SandboxInventoryItem) =>
  item.unfulfillable.customerDamaged + item.unfulfillable.warehouseDamaged + item.unfulfillable.defective;

/** Amazon's `totalQuantity`: every unit in or on its way to a fulfilment centre. */
export const totalOf = (item: SandboxInventoryItem) =>
  item.fulfillable + item.inboundWorking + item.inboundShipped + item.inboundReceiving + reservedOf(item) + unfulfillableOf(item) + item.researching;

/** Minor-unit digits of the currencies the sandbox's marketplaces use. */
export function currencyDigits(currency: string): number {
  return currency === 'JPY' ? 0 : 2;
}

/** `12345` minor units of GBP -> `"123.45"`. */
export function formatMinor(minor: bigint | number, currency: string): string {
  const digits = currencyDigits(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}
