import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggingModule, useAppLogger } from '@ops/logging';
import { exitGracefullyOnSignal, readEnvironment, SyncWorkerModule } from '@ops/sync-core';

import { forecastWorker } from '../forecast.worker';
import { readForecastConfig } from '../forecast-jobs.config';
import { ForecastJobsModule } from './forecast-jobs.module';

@Module({})
class ForecastWorkerModule {
  static forRoot(migrationsDir?: string): DynamicModule {
    return {
      module: ForecastWorkerModule,
      imports: [
        LoggingModule.forRoot({ service: 'forecast-worker' }),
        SyncWorkerModule.forRoot({ workers: [forecastWorker], ...(migrationsDir ? { migrationsDir } : {}) }),
        ForecastJobsModule,
      ],
    };
  }
}

/**
 * The forecast worker process: the nightly job on `FORECAST_CRON` and the jobs API
 * (`/api/forecast-jobs`) on `FORECAST_PORT` (default 3010) and `FORECAST_HOST` (default 127.0.0.1).
 * Events go to Redis (`REDIS_URL`) or the hub (`HUB_URL`), like every worker's.
 */
export async function bootstrapForecastWorker(migrationsDir?: string): Promise<string> {
  const { port, host } = readForecastConfig(readEnvironment()).http;
  const app = await NestFactory.create(ForecastWorkerModule.forRoot(migrationsDir), { bufferLogs: true, bodyParser: false });
  useAppLogger(app);
  exitGracefullyOnSignal(app);
  await app.listen(port, host);
  app.flushLogs();
  const address = app.getHttpServer().address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  new Logger('forecast-worker').log({ message: 'forecast worker listening', url });
  return url;
}
