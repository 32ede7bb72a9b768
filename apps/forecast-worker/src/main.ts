import { bootstrapForecastWorker } from '@ops/forecasting';

bootstrapForecastWorker().catch((error: Error) => {
  process.stderr.write(`forecast worker failed to start: ${error.message}\n`);
  process.exit(1);
});
