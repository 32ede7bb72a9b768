import { Logger } from '@nestjs/common';
import { createHubApp, EventHub, type HubConfig, listenHub, loadHubConfig } from '@ops/hub';
import { createLogger } from '@ops/logging';
import { type EventPublisher, MemoryPublisher } from '@ops/sse-events';
import { RedisPublisher } from '@ops/sse-events/redis';
import { exitGracefullyOnSignal, runConnectCommand, runSyncCommand } from '@ops/sync-core';
import { WORKERS } from '@ops/worker-registry';

import { AllInOneModule } from './all-in-one.module';
import { dashboardDir, serveDashboard } from './dashboard-static';

const logger = createLogger({ service: 'all-in-one' });

/**
 * Where the workers' events go. Alone: straight into this process's hub. With `REDIS_URL`: onto the
 * shared stream the hub reads back (as a separate worker process would), so the hub's history
 * survives a restart of this process and other replicas see the events too.
 */
function workerPublisher(config: HubConfig): { publisher: EventPublisher; connect: (hub: EventHub) => void } {
  if (config.redis) return { publisher: new RedisPublisher(config.redis), connect: () => undefined };
  const publisher = new MemoryPublisher();
  return { publisher, connect: (hub) => publisher.subscribe((envelope) => hub.publish([envelope])) };
}

/**
 * `main.js`: the hub, every configured worker and the dashboard page. `main.js sync <integration> [--full]`:
 * one sync now. `main.js connect <integration>`: connect an account (OAuth consent) and store its credentials.
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
  const { publisher, connect } = workerPublisher(config);
  const app = await createHubApp(AllInOneModule.forRoot(config, publisher), { shutdownHooks: false });
  connect(app.get(EventHub));
  serveDashboard(app, dashboardDir());
  exitGracefullyOnSignal(app);
  const url = await listenHub(app, config);
  // Through the app's logger, so the line follows the start-up lines it buffered.
  new Logger('all-in-one').log({
    message: 'all-in-one listening',
    url,
    auth: config.auth.enabled ? 'on' : 'off',
    events: config.redis ? `redis stream ${config.redis.streamKey}` : 'in memory',
    integrations: WORKERS.map((w) => w.integration),
  });
}

main(process.argv.slice(2)).catch((error: Error) => {
  logger.error(`all-in-one failed to start: ${error.message}`);
  process.exit(1);
});
