export * from './lib/workers';
