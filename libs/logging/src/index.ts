export {
  LOG_FORMATS,
  LOG_LEVELS,
  loggingEnvSchema,
  readLoggingConfig,
  type LogFormat,
  type LoggingConfig,
  type LogLevel,
} from './lib/config/logging.config';
export { createLogger, type LoggingOptions } from './lib/create-logger';
export { LoggingModule, type LoggingModuleOptions } from './lib/logging.module';
export { useAppLogger } from './lib/app-logger';
export { CREDENTIAL_HEADERS, CREDENTIAL_KEYS, REDACTED, REDACTED_PATHS } from './lib/redact-paths';
