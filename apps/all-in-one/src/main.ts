import { Logger } from '@nestjs/common';
import { createHubApp, EventHub, listenHub, loadHubConfig } from '@ops/hub';
import { createLogger } from '@ops/logging';
import { MemoryPublisher } from '@ops/sse-events';
import { exitGracefullyOnSignal, runConnectCommand, runSyncCommand } from '@ops/sync-core';
import { WORKERS } from '@ops/worker-registry';

import { AllInOneModule } from './all-in-one.module';

const logger = createLogger({ service: 'all-in-one' });

/**
 * `main.js`: the hub and every configured worker. `main.js sync <integration> [--full]`: one sync now.
 * `main.js connect <integration>`: connect an account (OAuth consent) and store its credentials.
 */
async function main([command, ...args]: string[]): Promise<void> {
  if (command === 'sync') return runSyncCommand({ workers: WORKERS }, args);
  if (command === 'connect') return runConnectCommand({ workers: WORKERS }, args);
  if (command !== undefined) {
    process.stderr.write('usage: main.js [sync <integration> [--full] | sync --help | connect <integration>]\n');
    process.exitCode = 2;
    return;
  }
  const config = loadHubConfig();
  const publisher = new MemoryPublisher();
  const app = await createHubApp(AllInOneModule.forRoot(config, publisher), { shutdownHooks: false });
  const hub = app.get(EventHub);
  publisher.subscribe((envelope) => hub.publish([envelope]));
  exitGracefullyOnSignal(app);
  const url = await listenHub(app, config);
  // Through the app's logger, so the line follows the start-up lines it buffered.
  new Logger('all-in-one').log({
    message: 'all-in-one listening',
    url,
    auth: config.auth.enabled ? 'on' : 'off',
    integrations: WORKERS.map((w) => w.integration),
  });
}

main(process.argv.slice(2)).catch((error: Error) => {
  logger.error(`all-in-one failed to start: ${error.message}`);
  process.exit(1);
});
