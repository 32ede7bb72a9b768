import type { Request, Response } from 'express';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { SubscriberAuth } from '../auth/subscriber-auth';
import type { HubCluster } from '../cluster/hub-cluster';
import type { HubConfig } from '../config/hub.config';
import { lastEventIdOf } from '../http/channel-request';
import { unavailable } from '../http/hub-http.exception';
import { HUB_CLUSTER, HUB_CONFIG } from '../hub.tokens';
import { HubLifecycle } from '../lifecycle/hub-lifecycle';
import { ConnectionLimiter } from '../limits/connection-limiter';
import { detachSocket } from './detach-socket';

/** A failed detach is reported once per process, not once per stream. */
let detachWarningLogged = false;
import { EventHub } from './event-hub';

/**
 * Opens one SSE stream for already-validated channels. Every refusal (shutdown, auth, limits)
 * happens before a byte of the stream is written, so it is an ordinary JSON error response.
 */
@Injectable()
export class OpenStream {
  private readonly limiter: ConnectionLimiter;

  constructor(
    @Inject(HUB_CONFIG) config: HubConfig,
    private readonly hub: EventHub,
    private readonly auth: SubscriberAuth,
    private readonly lifecycle: HubLifecycle,
    @Inject(HUB_CLUSTER) private readonly cluster: HubCluster | null,
  ) {
    this.limiter = new ConnectionLimiter(
      hub.registry,
      config.limits.maxConnections,
      config.limits.maxConnectionsPerIp,
    );
  }

  async execute(
    req: Request,
    res: Response,
    channels: readonly string[],
  ): Promise<void> {
    if (this.lifecycle.draining)
      throw unavailable('the hub is shutting down', 1);
    const expiresAt = await this.auth.authorize(req, channels);
    const lastEventId = lastEventIdOf(
      req.headers['last-event-id'],
      (req.query as Record<string, unknown>)['lastEventId'],
    );
    // An id this replica has not read yet may already be in the shared stream (it came from
    // another replica's client): read ahead first, so the replay is served instead of a gap.
    if (lastEventId !== undefined && !this.hub.canReplayAfter(lastEventId))
      await this.cluster?.feed.catchUp();
    if (this.lifecycle.draining)
      throw unavailable('the hub is shutting down', 1);
    // The client address: from X-Forwarded-For only when the peer is in HUB_TRUST_PROXY.
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    this.limiter.check(ip);
    const socket = req.socket;
    if (!detachSocket(req, res) && !detachWarningLogged) {
      detachWarningLogged = true;
      new Logger('StreamOpener').warn(
        'socket detach unavailable (Node internals changed or the bundle broke _http_common): streams use about twice the memory',
      );
    }
    this.hub.open(socket, channels, ip, lastEventId, expiresAt);
  }
}
