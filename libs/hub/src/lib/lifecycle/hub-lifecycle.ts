import type { Server } from 'node:http';

import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

import { TicketStore } from '../auth/ticket-store';
import type { HubCluster } from '../cluster/hub-cluster';
import type { HubConfig } from '../config/hub.config';
import { HUB_CLUSTER, HUB_CONFIG } from '../hub.tokens';
import { EventHub } from '../sse/event-hub';
import { SHUTDOWN_FRAME } from '../sse/sse-frames';

/** How long shutdown waits for streams to close before destroying them. */
const DRAIN_TIMEOUT_MS = 3_000;
/** How often streams are checked for an ended credential grant (`auth_expired`). */
export const AUTH_SWEEP_MS = 1_000;

/**
 * Starts the one global heartbeat (which also sweeps expired tickets), the sweep that ends streams
 * whose grant expired, and the Redis cluster membership when configured; on shutdown, stops
 * accepting connections and closes every stream cleanly so clients reconnect elsewhere.
 */
@Injectable()
export class HubLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(HubLifecycle.name);
  private timer: NodeJS.Timeout | undefined;
  private authTimer: NodeJS.Timeout | undefined;
  private drainingFlag = false;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    private readonly hub: EventHub,
    private readonly tickets: TicketStore,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HUB_CLUSTER) private readonly cluster: HubCluster | null,
  ) {}

  /** True once shutdown has begun; new streams are refused with 503. */
  get draining(): boolean {
    return this.drainingFlag;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.auth.enabled) {
      this.logger.warn(
        'HUB_AUTH=off: AUTHENTICATION IS DISABLED. Anyone who can reach this port can read every channel, ' +
          'publish events and broadcast. Use only for local development.',
      );
    }
    this.timer = setInterval(() => {
      this.hub.heartbeat();
      this.tickets.sweep();
    }, this.config.stream.heartbeatMs);
    this.timer.unref();
    if (this.config.auth.enabled) {
      this.authTimer = setInterval(
        () => this.hub.expireStreams(Date.now()),
        AUTH_SWEEP_MS,
      );
      this.authTimer.unref();
    }
    await this.cluster?.start();
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.drainingFlag = true;
    clearInterval(this.timer);
    clearInterval(this.authTimer);
    const server = this.adapterHost.httpAdapter?.getHttpServer() as
      | Server
      | undefined;
    const open = this.hub.registry.size;
    // Ends every stream first (synchronously), then stops listening, then waits for them to close.
    const closing = this.hub.closeAll(SHUTDOWN_FRAME, DRAIN_TIMEOUT_MS);
    if (server?.listening) server.close();
    await closing;
    server?.closeIdleConnections();
    await this.cluster?.stop();
    this.logger.log({
      message: 'streams closed for shutdown',
      signal: signal ?? 'close',
      streams: open,
    });
  }
}
