import type { Response } from 'express';

import {
  Controller,
  Get,
  Header,
  Inject,
  Res,
  UseGuards,
} from '@nestjs/common';

import { MonitoringGuard } from '../auth/credential.guards';
import type { HubCluster } from '../cluster/hub-cluster';
import type { ClusterStatus } from '../cluster/replica-heartbeat';
import { HUB_CLUSTER } from '../hub.tokens';
import { HubLifecycle } from '../lifecycle/hub-lifecycle';
import type { HubStatsSnapshot } from '../metrics/hub-stats';
import { EventHub } from '../sse/event-hub';

export type HubStatus = HubStatsSnapshot & {
  activeConnections: number;
  channels: Record<string, number>;
  /** With Redis: this replica's id, its stream position, and the cluster's figures. */
  replica?: { id: string; streamPosition: string | null };
  cluster?: ClusterStatus;
};

/** `GET /sse/status`, `GET /health`, `GET /metrics`. Registered before the stream routes. */
@Controller()
export class StatusController {
  constructor(
    private readonly hub: EventHub,
    private readonly lifecycle: HubLifecycle,
    @Inject(HUB_CLUSTER) private readonly cluster: HubCluster | null,
  ) {}

  /**
   * Connection and event counters of this process; `channels` lists subscribers per channel.
   * With Redis also `cluster`: the replicas heard from in the last 6 s with their connections,
   * and the shared stream's length. Admin or metrics token when auth is on.
   */
  @Get('sse/status')
  @UseGuards(MonitoringGuard)
  @Header('Cache-Control', 'no-store')
  async status(): Promise<HubStatus> {
    const local: HubStatus = {
      ...this.hub.stats.snapshot(),
      activeConnections: this.hub.registry.size,
      channels: this.hub.registry.channelCounts(),
    };
    if (!this.cluster) return local;
    return {
      ...local,
      replica: {
        id: this.cluster.replicaId,
        streamPosition: this.cluster.feed.lastStreamId ?? null,
      },
      cluster: await this.cluster.heartbeat.status(),
    };
  }

  /** Liveness and readiness: 200 while serving, 503 once shutdown has begun. */
  @Get('health')
  @Header('Cache-Control', 'no-store')
  health(@Res({ passthrough: true }) res: Response): {
    status: string;
    live: boolean;
    ready: boolean;
  } {
    const ready = !this.lifecycle.draining;
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'draining', live: true, ready };
  }

  /** Prometheus text exposition. Admin or metrics token when auth is on. */
  @Get('metrics')
  @UseGuards(MonitoringGuard)
  async metrics(@Res() res: Response): Promise<void> {
    const body = await this.hub.metrics.render();
    res
      .status(200)
      .set('Content-Type', this.hub.metrics.contentType)
      .set('Cache-Control', 'no-store')
      .send(body);
  }
}
