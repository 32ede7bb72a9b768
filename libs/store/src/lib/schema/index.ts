export * from './accounts.schema';
export * from './orders.schema';
export * from './stock.schema';
export * from './outbox.schema';
