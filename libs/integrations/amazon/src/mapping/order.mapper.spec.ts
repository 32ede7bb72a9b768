import { MalformedResponseError } from '@ops/sync-core';

import type { AmazonOrder } from '../client/amazon.api-types';
import { mapOrder } from './order.mapper';

/** Orders v2026-01-01 orders as searchOrders returns them with includedData=PROCEEDS,FULFILLMENT (orders_2026-01-01.json). */
const shipped: AmazonOrder = {
  orderId: '202-1234567-7654321',
  createdTime: '2026-11-20T09:15:00Z',
  lastUpdatedTime: '2026-11-21T10:00:00Z',
  salesChannel: { marketplaceId: 'A1F83G8C2ARO7P' },
  proceeds: { grandTotal: { amount: '59.98', currencyCode: 'GBP' } },
  fulfillment: { fulfillmentStatus: 'SHIPPED' },
  orderItems: [
    { orderItemId: '11111', quantityOrdered: 2, product: { sellerSku: 'WID-BLU-M', asin: 'B0C1234XYZ', price: { unitPrice: { amount: '29.99', currencyCode: 'GBP' } } } },
  ],
};

const pending: AmazonOrder = {
  ...shipped,
  orderId: '202-1234567-0000001',
  proceeds: undefined,
  fulfillment: { fulfillmentStatus: 'PENDING' },
  orderItems: [{ orderItemId: '22222', quantityOrdered: 3, product: { sellerSku: 'WID-RED-S' } }],
};

const cancelled: AmazonOrder = { ...shipped, orderId: '202-1234567-0000002', fulfillment: { fulfillmentStatus: 'CANCELLED' } };

describe('mapOrder (Orders v2026-01-01)', () => {
  it.each([
    ['shipped: proceeds are the gross, status kept, not cancelled', shipped, { gross: '59.98', net: '59.98', financialStatus: 'SHIPPED', cancelledAt: null, currency: 'GBP' }],
    ['pending: no price yet, gross 0 under status PENDING', pending, { gross: '0', net: '0', financialStatus: 'PENDING', cancelledAt: null, currency: 'GBP' }],
    ['cancelled: cancelledAt is its last update', cancelled, { financialStatus: 'CANCELLED', cancelledAt: new Date('2026-11-21T10:00:00Z') }],
  ])('%s', (_name, raw, expected) => {
    const { order } = mapOrder('A1F83G8C2ARO7P', 'GBP', raw);
    expect(order).toMatchObject({ integration: 'amazon', accountId: 'A1F83G8C2ARO7P', externalId: raw.orderId, fees: null, ...expected });
  });

  it('maps items to lines: SKU, units, unit price (0 while pending)', () => {
    expect(mapOrder('A1F83G8C2ARO7P', 'GBP', shipped).lines).toEqual([
      { integration: 'amazon', accountId: 'A1F83G8C2ARO7P', orderExternalId: shipped.orderId, externalId: '11111', sku: 'WID-BLU-M', quantity: '2', price: '29.99' },
    ]);
    expect(mapOrder('A1F83G8C2ARO7P', 'GBP', pending).lines[0]).toMatchObject({ sku: 'WID-RED-S', quantity: '3', price: '0' });
  });

  it('keeps JPY amounts whole and refuses an amount with more decimals than its currency', () => {
    const jpy = { ...shipped, proceeds: { grandTotal: { amount: '5980', currencyCode: 'JPY' } }, orderItems: [] };
    expect(mapOrder('A1VC38T7YXB528', 'JPY', jpy).order.gross).toBe('5980');
    const bad = { ...shipped, proceeds: { grandTotal: { amount: '59.985', currencyCode: 'GBP' } } };
    expect(() => mapOrder('A1F83G8C2ARO7P', 'GBP', bad)).toThrow(MalformedResponseError);
  });

  it('refuses a shipped order without proceeds (includedData=PROCEEDS missing): its revenue would be a guess', () => {
    expect(() => mapOrder('A1F83G8C2ARO7P', 'GBP', { ...shipped, proceeds: undefined })).toThrow(/has no proceeds/);
  });
});
