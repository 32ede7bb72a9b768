import { loadConfig } from '@ops/config';
import { FORECAST_MAX_HORIZON_DAYS } from '@ops/sse-events';
import { CronTime } from 'cron';
import { z } from 'zod';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isCron = (cron: string): boolean => {
  try {
    new CronTime(cron, 'UTC');
    return true;
  } catch {
    return false;
  }
};

const ForecastEnvSchema = z.object({
  BUSINESS_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/London').default('UTC'),
  FORECAST_CRON: z.string().refine(isCron, 'must be a cron expression (UTC), e.g. "30 2 * * *"').default('30 2 * * *'),
  FORECAST_HORIZON_DAYS: z.coerce.number().int().min(1).max(FORECAST_MAX_HORIZON_DAYS).default(28),
  FORECAST_PORT: z.coerce.number().int().min(0).max(65_535).default(3010),
  FORECAST_HOST: z.string().min(1).default('127.0.0.1'),
});

export interface ForecastConfig {
  /** The calendar days are counted in (IANA). */
  timeZone: string;
  /** Schedule of the nightly full job (UTC). */
  cron: string;
  /** Horizon of the nightly full job. */
  horizonDays: number;
  /** Where `apps/forecast-worker` serves the jobs API (the all-in-one process serves it on the hub's port). */
  http: { port: number; host: string };
  /** `sandbox` when a sales integration points at a local sandbox, so the forecasts are of sandbox data. */
  environment: 'production' | 'sandbox';
}

/** @throws ConfigError naming each wrong variable. */
export function readForecastConfig(env: Record<string, string | undefined>): ForecastConfig {
  const parsed = loadConfig(ForecastEnvSchema, env);
  const sandbox = Object.entries(env).some(([name, value]) => value && /^(SHOPIFY_\w+|AMAZON)_ENDPOINT$/.test(name));
  return {
    timeZone: parsed.BUSINESS_TIMEZONE,
    cron: parsed.FORECAST_CRON,
    horizonDays: parsed.FORECAST_HORIZON_DAYS,
    http: { port: parsed.FORECAST_PORT, host: parsed.FORECAST_HOST },
    environment: sandbox ? 'sandbox' : 'production',
  };
}
