export * from './lib/audit';
export * from './lib/report';
