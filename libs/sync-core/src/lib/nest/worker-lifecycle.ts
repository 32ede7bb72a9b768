import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { Database } from '@ops/store';

import { OutboxRelay } from '../outbox/outbox-relay';
import { SyncRunner } from '../runner/sync-runner';
import { SyncScheduler } from './sync-scheduler';
import { DATABASE } from './sync-worker.tokens';

/**
 * Starts the outbox relay once the app is up. On close: stops the schedules and any running sync
 * (at a page boundary), stops the relay after a last drain, and closes the store.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly runner: SyncRunner,
    private readonly scheduler: SyncScheduler,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.scheduler.stopAll();
    await this.runner.stop();
    await this.relay?.stop();
    await this.relay?.drain().catch(() => undefined);
    await this.database.close();
  }
}
