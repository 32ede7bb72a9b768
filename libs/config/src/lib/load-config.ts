import type { z } from 'zod';

/** Start-up stops with this when configuration is missing or wrong. Never carries a secret's value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface LoadConfigOptions {
  /** Variables whose values must never appear in a message, whatever a schema's message says. */
  secrets?: readonly string[];
}

/**
 * Validates environment variables once, at boot, returning the typed, transformed config.
 * Each problem names its variable (`SHOPIFY_STORES: ...`); values of `secrets` are redacted from
 * every message. Reads only the `env` object it is given.
 * @throws ConfigError listing every problem at once.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  options: LoadConfigOptions = {},
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const secretValues = (options.secrets ?? [])
    .map((name) => env[name])
    .filter((value): value is string => typeof value === 'string' && value.length >= 4);
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    const message = secretValues.reduce((text, value) => text.split(value).join('[REDACTED]'), issue.message);
    return `${variable}: ${message}`;
  });
  throw new ConfigError(problems);
}
