import { loadConfig } from '@ops/config';
import { z } from 'zod';

import { type CredentialKeyConfig, credentialKeyFile, credentialKeyListSchema, credentialKeySchema } from '../credentials/credential-keys';

const WorkerEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data/pglite'),
  HUB_URL: z.url({ protocol: /^https?$/ }).optional(),
  HUB_PUBLISHER_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Scale-out: events go to this Redis stream instead of the hub's HTTP ingest. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_STREAM_KEY: z.string().min(1).max(200).default('ops:events'),
  REDIS_STREAM_MAXLEN: z.coerce.number().int().min(100).max(100_000_000).default(100_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  NODE_ENV: z.string().optional(),
  /** 32 bytes, base64: seals stored credential state. Required when NODE_ENV=production. */
  CREDENTIALS_KEY: credentialKeySchema,
  /** Comma-separated older keys: rows sealed under them are still read (and re-sealed on save). */
  CREDENTIALS_PREVIOUS_KEYS: credentialKeyListSchema.optional(),
});

export interface WorkerConfig {
  /** Postgres when set; otherwise the embedded PGlite store under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Where the outbox relay publishes; absent means events wait in the outbox. */
  hub?: { url: string; token: string };
  /** Where the outbox relay publishes when set (takes precedence over `hub`): a Redis stream. */
  redis?: { url: string; streamKey: string; maxLen: number };
  /** How long a graceful stop waits for the outbox to drain after syncs have stopped. */
  shutdownGraceMs: number;
  /** Keys for stored credentials; without `CREDENTIALS_KEY` (not production) a local key file. */
  credentials: CredentialKeyConfig;
}

/**
 * What every worker process needs: the store and the hub. Read once at boot.
 * @throws ConfigError naming each bad variable (`HUB_URL` without `HUB_PUBLISHER_TOKEN` is one;
 *   `NODE_ENV=production` without `CREDENTIALS_KEY` is another). Key values are never printed.
 */
export function readWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = loadConfig(
    WorkerEnvSchema.refine((e) => !e.HUB_URL || e.HUB_PUBLISHER_TOKEN, {
      path: ['HUB_PUBLISHER_TOKEN'],
      message: 'is required when HUB_URL is set',
    }).refine((e) => e.NODE_ENV !== 'production' || e.CREDENTIALS_KEY, {
      path: ['CREDENTIALS_KEY'],
      message: 'is required when NODE_ENV=production (32 random bytes, base64: openssl rand -base64 32)',
    }),
    env,
    { secrets: ['HUB_PUBLISHER_TOKEN', 'DATABASE_URL', 'CREDENTIALS_KEY', 'CREDENTIALS_PREVIOUS_KEYS', 'REDIS_URL'] },
  );
  return {
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.DATA_DIR,
    hub: parsed.HUB_URL && parsed.HUB_PUBLISHER_TOKEN ? { url: parsed.HUB_URL, token: parsed.HUB_PUBLISHER_TOKEN } : undefined,
    redis: parsed.REDIS_URL ? { url: parsed.REDIS_URL, streamKey: parsed.REDIS_STREAM_KEY, maxLen: parsed.REDIS_STREAM_MAXLEN } : undefined,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    credentials: {
      key: parsed.CREDENTIALS_KEY,
      previousKeys: parsed.CREDENTIALS_PREVIOUS_KEYS ?? [],
      keyFile: parsed.CREDENTIALS_KEY ? undefined : credentialKeyFile(parsed.DATA_DIR),
    },
  };
}

/** The process environment, for the integrations' config readers. The one place workers read `process.env`. */
export function readEnvironment(): Record<string, string | undefined> {
  return process.env;
}
