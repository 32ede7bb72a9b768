import { loadConfig } from '@ops/config';

import { z } from 'zod';

/** pino's level names, quietest last; `silent` turns logging off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** `json`: one JSON object per line (default). `pretty`: coloured human lines for local runs. */
export const LOG_FORMATS = ['json', 'pretty'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

/** An unset or blank variable takes the default; values are trimmed and case-insensitive. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, defaultValue: T[number]) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
    z
      .enum(values, { error: (issue) => `expected one of ${values.join('|')}, got ${JSON.stringify(issue.input)}` })
      .default(defaultValue),
  );
}

/** `LOG_LEVEL` and `LOG_FORMAT` -> `{ level, format }`. */
export const loggingEnvSchema = z
  .object({
    LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
    LOG_FORMAT: oneOf(LOG_FORMATS, 'json'),
  })
  .transform(({ LOG_LEVEL, LOG_FORMAT }) => ({ level: LOG_LEVEL, format: LOG_FORMAT }));

export type LoggingConfig = z.infer<typeof loggingEnvSchema>;

/**
 * Reads `LOG_LEVEL` (fatal|error|warn|info|debug|trace|silent, default info) and `LOG_FORMAT`
 * (json|pretty, default json). The only place these variables are read.
 * @throws ConfigError (`@ops/config`) naming every bad variable at once.
 */
export function readLoggingConfig(env: Record<string, string | undefined> = process.env): LoggingConfig {
  return loadConfig(loggingEnvSchema, env);
}
