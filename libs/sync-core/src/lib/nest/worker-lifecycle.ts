import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';

import type { Database } from '@ops/store';

import { OutboxRelay } from '../outbox/outbox-relay';
import { DATABASE } from './sync-worker.tokens';

/** Starts the outbox relay once the app is up; on shutdown stops it and closes the store. */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.relay?.drain().catch(() => undefined);
    await this.database.close();
  }
}
