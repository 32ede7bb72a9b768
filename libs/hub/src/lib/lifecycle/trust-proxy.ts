import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

import type { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../hub.tokens';

/**
 * Applies `HUB_TRUST_PROXY` to Express's `trust proxy`, so `req.ip` (used for per-IP limits and
 * logs) is the client address from `X-Forwarded-For` only when the peer is a listed proxy, and
 * the peer's own address otherwise. The header's entries are believed only up to the first
 * address that is not a trusted proxy, counting from the right.
 */
@Injectable()
export class TrustProxy implements OnModuleInit {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance() as
      | { set(name: string, value: unknown): void }
      | undefined;
    app?.set(
      'trust proxy',
      this.config.trustProxy.length > 0 ? this.config.trustProxy : false,
    );
  }
}
