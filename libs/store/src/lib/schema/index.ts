export * from './accounts.schema';
export * from './orders.schema';
export * from './stock.schema';
export * from './unleashed.schema';
export * from './outbox.schema';
export * from './amazon.schema';
export * from './forecast.schema';
