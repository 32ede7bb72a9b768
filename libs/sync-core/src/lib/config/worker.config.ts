import { z } from 'zod';

import { loadConfig } from './load-config';

const WorkerEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data/pglite'),
  HUB_URL: z.url({ protocol: /^https?$/ }).optional(),
  HUB_PUBLISHER_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export interface WorkerConfig {
  /** Postgres when set; otherwise the embedded PGlite store under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Where the outbox relay publishes; absent means events wait in the outbox. */
  hub?: { url: string; token: string };
}

/**
 * What every worker process needs: the store and the hub. Read once at boot.
 * @throws ConfigError naming each bad variable (`HUB_URL` without `HUB_PUBLISHER_TOKEN` is one).
 */
export function readWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = loadConfig(
    WorkerEnvSchema.refine((e) => !e.HUB_URL || e.HUB_PUBLISHER_TOKEN, {
      path: ['HUB_PUBLISHER_TOKEN'],
      message: 'is required when HUB_URL is set',
    }),
    env,
    { secrets: ['HUB_PUBLISHER_TOKEN', 'DATABASE_URL'] },
  );
  return {
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.DATA_DIR,
    hub: parsed.HUB_URL && parsed.HUB_PUBLISHER_TOKEN ? { url: parsed.HUB_URL, token: parsed.HUB_PUBLISHER_TOKEN } : undefined,
  };
}
