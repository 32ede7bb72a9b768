export * from './lib/load-config';
export * from './lib/credential-names';
