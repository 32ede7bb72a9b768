export * from './config/shopify.config';
export * from './client/shopify.client';
export * from './client/token-provider';
export * from './mapping/order.mapper';
export * from './metrics/sales.metrics';
export * from './shopify.sync';
export * from './shopify-clients';
export * from './shopify.worker';
