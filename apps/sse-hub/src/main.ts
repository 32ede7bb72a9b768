import { ConsoleLogger } from '@nestjs/common';
import {
  createHubApp,
  type HubConfig,
  listenHub,
  loadHubConfig,
} from '@ops/hub';

import { AppModule } from './app/app.module';

async function bootstrap(): Promise<void> {
  const logger = new ConsoleLogger('sse-hub', { json: true });
  let config: HubConfig;
  try {
    config = loadHubConfig();
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
  const app = await createHubApp(AppModule.forRoot(config), { logger });
  const url = await listenHub(app, config);
  logger.log({
    message: 'sse-hub listening',
    url,
    auth: config.auth.enabled ? 'on' : 'off',
  });
}

bootstrap().catch((error: Error) => {
  new ConsoleLogger('sse-hub', { json: true }).error(
    `sse-hub failed to start: ${error.message}`,
  );
  process.exit(1);
});
