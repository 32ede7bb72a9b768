import type { Response } from 'express';

import { Controller, Get, Header, Res } from '@nestjs/common';

import { HubLifecycle } from '../lifecycle/hub-lifecycle';
import type { HubStatsSnapshot } from '../metrics/hub-stats';
import { EventHub } from '../sse/event-hub';

export type HubStatus = HubStatsSnapshot & {
  activeConnections: number;
  channels: Record<string, number>;
};

/** `GET /sse/status`, `GET /health`, `GET /metrics`. Registered before the stream routes. */
@Controller()
export class StatusController {
  constructor(
    private readonly hub: EventHub,
    private readonly lifecycle: HubLifecycle,
  ) {}

  /** Connection and event counters of this process; `channels` lists subscribers per channel. */
  @Get('sse/status')
  @Header('Cache-Control', 'no-store')
  status(): HubStatus {
    return {
      ...this.hub.stats.snapshot(),
      activeConnections: this.hub.registry.size,
      channels: this.hub.registry.channelCounts(),
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

  /** Prometheus text exposition. */
  @Get('metrics')
  async metrics(@Res() res: Response): Promise<void> {
    const body = await this.hub.metrics.render();
    res
      .status(200)
      .set('Content-Type', this.hub.metrics.contentType)
      .set('Cache-Control', 'no-store')
      .send(body);
  }
}
