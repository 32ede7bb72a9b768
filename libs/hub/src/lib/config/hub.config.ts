import { loadConfig } from '@ops/config';
import { z } from 'zod';

import { parseProxyList } from './proxy-list';

/**
 * The hub's configuration, read from the environment once at boot. This is the only file in the
 * hub that reads `process.env`.
 */
const intFrom = (defaultValue: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return defaultValue;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be an integer between ${min} and ${max}`,
        });
        return z.NEVER;
      }
      return value;
    });

const secret = (minLength: number) =>
  z
    .string()
    .min(minLength, `must be at least ${minLength} characters`)
    .optional();

const EnvSchema = z.object({
  HUB_PORT: intFrom(3000, 0, 65_535),
  HUB_HOST: z.string().min(1).default('127.0.0.1'),
  HUB_AUTH: z.enum(['on', 'off']).default('on'),
  HUB_PUBLISHER_TOKEN: secret(16),
  HUB_ADMIN_TOKEN: secret(16),
  HUB_JWT_SECRET: secret(32),
  HUB_HEARTBEAT_MS: intFrom(30_000, 10, 3_600_000),
  HUB_RETRY_MS: intFrom(3_000, 0, 3_600_000),
  HUB_HISTORY_SIZE: intFrom(1_000, 0, 1_000_000),
  HUB_MAX_BUFFER_BYTES: intFrom(1_048_576, 1_024, 1_073_741_824),
  HUB_MAX_BODY_BYTES: intFrom(1_048_576, 1_024, 104_857_600),
  HUB_MAX_CONNECTIONS: intFrom(20_000, 1, 10_000_000),
  HUB_MAX_CONNECTIONS_PER_IP: intFrom(1_000, 1, 10_000_000),
  HUB_METRICS_TOKEN: secret(16),
  HUB_TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parseProxyList(raw ?? '');
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  HUB_REPLICA_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'may contain only letters, digits and . _ : - (at most 64)')
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_STREAM_KEY: z.string().min(1).max(200).default('ops:events'),
  REDIS_STREAM_MAXLEN: intFrom(100_000, 100, 100_000_000),
});

const SECRETS = [
  'HUB_PUBLISHER_TOKEN',
  'HUB_ADMIN_TOKEN',
  'HUB_JWT_SECRET',
  'HUB_METRICS_TOKEN',
  'REDIS_URL',
] as const;

/** The secrets every auth-on hub must have (`HUB_METRICS_TOKEN` is optional). */
const REQUIRED_SECRETS = [
  'HUB_PUBLISHER_TOKEN',
  'HUB_ADMIN_TOKEN',
  'HUB_JWT_SECRET',
] as const;

/** With `HUB_AUTH=on` every secret is required: one problem per missing variable. */
const HubEnvSchema = EnvSchema.superRefine((env, ctx) => {
  if (env.HUB_AUTH !== 'on') return;
  for (const name of REQUIRED_SECRETS) {
    if (env[name] !== undefined) continue;
    ctx.addIssue({
      code: 'custom',
      path: [name],
      message:
        'must be set when HUB_AUTH=on (set HUB_AUTH=off for local development only)',
    });
  }
});

function toConfig(env: z.infer<typeof EnvSchema>) {
  return {
    port: env.HUB_PORT,
    host: env.HUB_HOST,
    auth: {
      enabled: env.HUB_AUTH === 'on',
      publisherToken: env.HUB_PUBLISHER_TOKEN,
      adminToken: env.HUB_ADMIN_TOKEN,
      jwtSecret: env.HUB_JWT_SECRET,
      /** Reads `/metrics` and `/sse/status` (so does the admin token). */
      metricsToken: env.HUB_METRICS_TOKEN,
    },
    /** Proxy addresses/CIDRs whose `X-Forwarded-For` is believed; empty: the peer is the client. */
    trustProxy: env.HUB_TRUST_PROXY,
    replicaId: env.HUB_REPLICA_ID,
    /** Scale-out: events, tickets and replica heartbeats in Redis. Absent: one process. */
    redis: env.REDIS_URL
      ? { url: env.REDIS_URL, streamKey: env.REDIS_STREAM_KEY, maxLen: env.REDIS_STREAM_MAXLEN }
      : undefined,
    stream: {
      heartbeatMs: env.HUB_HEARTBEAT_MS,
      retryMs: env.HUB_RETRY_MS,
      historySize: env.HUB_HISTORY_SIZE,
      maxBufferBytes: env.HUB_MAX_BUFFER_BYTES,
    },
    limits: {
      maxConnections: env.HUB_MAX_CONNECTIONS,
      maxConnectionsPerIp: env.HUB_MAX_CONNECTIONS_PER_IP,
      maxBodyBytes: env.HUB_MAX_BODY_BYTES,
    },
  };
}

/** The validated configuration, inferred from the schema above. */
export type HubConfig = ReturnType<typeof toConfig>;

/**
 * Validates `env` (default `process.env`) into a {@link HubConfig}.
 * Empty strings count as unset. With `HUB_AUTH=on` (the default) the publisher token, admin token
 * and JWT secret are all required.
 * @throws ConfigError (`@ops/config`) naming every bad or missing variable; secret values are
 * never echoed.
 */
export function loadHubConfig(
  env: Record<string, string | undefined> = process.env,
): HubConfig {
  const relevant = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [
      key,
      env[key] === '' ? undefined : env[key],
    ]),
  );
  return toConfig(loadConfig(HubEnvSchema, relevant, { secrets: SECRETS }));
}
