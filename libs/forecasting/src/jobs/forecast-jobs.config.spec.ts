import { ConfigError } from '@ops/config';

import { readForecastConfig } from './forecast-jobs.config';

describe('readForecastConfig', () => {
  it('defaults: UTC days, nightly at 02:30 UTC, 28-day horizon, production data', () => {
    expect(readForecastConfig({})).toEqual({
      timeZone: 'UTC',
      cron: '30 2 * * *',
      horizonDays: 28,
      http: { port: 3010, host: '127.0.0.1' },
      environment: 'production',
    });
  });

  it('reads the business zone and says sandbox when a sales integration points at a sandbox', () => {
    const config = readForecastConfig({ BUSINESS_TIMEZONE: 'Europe/London', FORECAST_CRON: '0 3 * * 1', SHOPIFY_UK_ENDPOINT: 'http://127.0.0.1:9' });
    expect(config).toMatchObject({ timeZone: 'Europe/London', cron: '0 3 * * 1', environment: 'sandbox' });
  });

  it.each([
    [{ BUSINESS_TIMEZONE: 'Mars/Olympus' }, 'BUSINESS_TIMEZONE'],
    [{ FORECAST_CRON: 'nightly' }, 'FORECAST_CRON'],
    [{ FORECAST_HORIZON_DAYS: '365' }, 'FORECAST_HORIZON_DAYS'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => readForecastConfig(env)).toThrow(ConfigError);
    expect(() => readForecastConfig(env)).toThrow(name);
  });
});
