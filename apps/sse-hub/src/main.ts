import { Logger } from '@nestjs/common';
import {
  createHubApp,
  type HubConfig,
  listenHub,
  loadHubConfig,
} from '@ops/hub';
import { createLogger } from '@ops/logging';

import { AppModule } from './app/app.module';

const logger = createLogger({ service: 'sse-hub' });

async function bootstrap(): Promise<void> {
  let config: HubConfig;
  try {
    config = loadHubConfig();
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
  const app = await createHubApp(AppModule.forRoot(config));
  const url = await listenHub(app, config);
  // Through the app's logger, so the line follows the start-up lines it buffered.
  new Logger('sse-hub').log({
    message: 'sse-hub listening',
    url,
    auth: config.auth.enabled ? 'on' : 'off',
  });
}

bootstrap().catch((error: Error) => {
  logger.error(`sse-hub failed to start: ${error.message}`);
  process.exit(1);
});
