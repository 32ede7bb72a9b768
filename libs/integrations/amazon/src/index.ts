export { amazonWorker } from './amazon.worker';
export { AmazonSync, ALL_MARKETPLACES } from './amazon.sync';
export { createAmazonClient } from './amazon-clients';
export { type AmazonConfig, readAmazonConfig } from './config/amazon.config';
export { USAGE_PLANS, type SpApiOperation } from './client/sp-api-operations';
