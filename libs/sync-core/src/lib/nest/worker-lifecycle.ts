import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { EventPublisher } from '@ops/sse-events';
import type { Database } from '@ops/store';

import { OutboxRelay } from '../outbox/outbox-relay';
import { SyncRunner } from '../runner/sync-runner';
import { SyncScheduler } from './sync-scheduler';
import { DATABASE, EVENT_PUBLISHER } from './sync-worker.tokens';

/**
 * Starts the outbox relay once the app is up. On close: stops the schedules and any running sync
 * (at a page boundary), stops the relay after a last drain, closes the store and the publisher.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly runner: SyncRunner,
    private readonly scheduler: SyncScheduler,
    @Optional() private readonly relay?: OutboxRelay,
    @Optional() @Inject(EVENT_PUBLISHER) private readonly publisher?: EventPublisher,
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
    // A Redis publisher's connection would otherwise keep a one-shot `sync` process alive.
    await this.publisher?.close();
  }
}
