import { CREDENTIAL_HEADERS } from '@ops/config';

/** What a redacted value is replaced with, in JSON and pretty output alike. */
export const REDACTED = '[REDACTED]';

/**
 * Object keys whose values are credentials (matched case-insensitively, at any depth): camelCase
 * as our code writes them, snake_case as OAuth token responses do. `credentialState` is a stored
 * integration's whole token set: the key's entire value is replaced.
 */
export const CREDENTIAL_KEYS = [
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'apiKey',
  'api_key',
  'password',
  'token',
  'secret',
  'credentialState',
] as const;

/** HTTP headers that carry credentials (matched case-insensitively, like keys). */
export { CREDENTIAL_HEADERS };

/**
 * pino `redact.paths` for what the key walk (`redactCredentials`) cannot see: the headers of
 * pino-http's `req` and `res`, which exist only after pino serializes the raw request and response.
 * Node gives incoming headers in lower case, so these paths are exact.
 */
export const REDACTED_PATHS: readonly string[] = ['req', 'res'].flatMap((parent) =>
  CREDENTIAL_HEADERS.map((header) => `${parent}.headers["${header}"]`),
);
