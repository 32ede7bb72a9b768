export { ReadApiModule } from './lib/read-api.module';
export { ReadApiController } from './lib/http/read-api.controller';
export { ReadModel } from './lib/read-model';
export { readSourcesOf, type ReadSources, type SourceConfig, type ConfiguredAccount } from './lib/sources/read-sources';
export { INTEGRATION_STATUS_MATCHES_CONTRACT } from './lib/integration-status.check';
