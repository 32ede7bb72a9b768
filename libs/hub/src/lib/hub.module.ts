import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';

import {
  AdminGuard,
  MonitoringGuard,
  PublisherGuard,
} from './auth/credential.guards';
import { SubscriberAuth } from './auth/subscriber-auth';
import { clusterProviders } from './cluster/cluster.providers';
import type { HubConfig } from './config/hub.config';
import { AdminController } from './http/admin.controller';
import { HubExceptionFilter } from './http/hub-exception.filter';
import { IngestController } from './http/ingest.controller';
import { StatusController } from './http/status.controller';
import { StreamController } from './http/stream.controller';
import { TicketController } from './http/ticket.controller';
import { HUB_CONFIG } from './hub.tokens';
import { HubLifecycle } from './lifecycle/hub-lifecycle';
import { TrustProxy } from './lifecycle/trust-proxy';
import { EventHub } from './sse/event-hub';
import { OpenStream } from './sse/open-stream';

/** The SSE hub: streams, ingest, admin broadcast, tickets, status, health and metrics. */
@Module({})
export class HubModule {
  /** Wires the hub with a validated config (see `loadHubConfig`). */
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: HubModule,
      // Status routes first, so `GET /sse/status` is never taken for a channel name.
      controllers: [
        StatusController,
        IngestController,
        AdminController,
        TicketController,
        StreamController,
      ],
      providers: [
        { provide: HUB_CONFIG, useValue: config },
        { provide: EventHub, useFactory: () => new EventHub(config.stream) },
        ...clusterProviders(config),
        { provide: APP_FILTER, useClass: HubExceptionFilter },
        SubscriberAuth,
        PublisherGuard,
        AdminGuard,
        MonitoringGuard,
        TrustProxy,
        HubLifecycle,
        OpenStream,
      ],
      exports: [EventHub],
    };
  }
}
