import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
} from '@nestjs/common';
import type { Request } from 'express';

import type { HubConfig } from '../config/hub.config';
import { unauthorized } from '../http/hub-http.exception';
import { HUB_CONFIG } from '../hub.tokens';
import { bearerToken } from './credentials';
import { SecretMatcher } from './secret-matcher';

function guardWith(
  secrets: string | undefined | (string | undefined)[],
  enabled: boolean,
  label: string,
) {
  const matchers = [secrets]
    .flat()
    .filter((secret): secret is string => secret !== undefined)
    .map((secret) => new SecretMatcher(secret));
  return (context: ExecutionContext): boolean => {
    if (!enabled) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const presented = bearerToken(req.headers);
    // Every matcher runs, so the time taken does not say which secret came closer.
    const matched = matchers
      .map((matcher) => matcher.matches(presented))
      .includes(true);
    if (!matched) {
      throw unauthorized(
        `a valid ${label} token is required (Authorization: Bearer <token>)`,
      );
    }
    return true;
  };
}

/** Lets a request through only with the publisher token (constant-time compare), or with auth off. */
@Injectable()
export class PublisherGuard implements CanActivate {
  private readonly check: (context: ExecutionContext) => boolean;

  constructor(@Inject(HUB_CONFIG) config: HubConfig) {
    this.check = guardWith(
      config.auth.publisherToken,
      config.auth.enabled,
      'publisher',
    );
  }

  canActivate(context: ExecutionContext): boolean {
    return this.check(context);
  }
}

/** Lets a request through only with the admin token (constant-time compare), or with auth off. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly check: (context: ExecutionContext) => boolean;

  constructor(@Inject(HUB_CONFIG) config: HubConfig) {
    this.check = guardWith(
      config.auth.adminToken,
      config.auth.enabled,
      'admin',
    );
  }

  canActivate(context: ExecutionContext): boolean {
    return this.check(context);
  }
}

/**
 * `/metrics` and `/sse/status` (they reveal which integrations publish): the admin token or
 * `HUB_METRICS_TOKEN`, or auth off.
 */
@Injectable()
export class MonitoringGuard implements CanActivate {
  private readonly check: (context: ExecutionContext) => boolean;

  constructor(@Inject(HUB_CONFIG) config: HubConfig) {
    this.check = guardWith(
      [config.auth.adminToken, config.auth.metricsToken],
      config.auth.enabled,
      'admin or metrics',
    );
  }

  canActivate(context: ExecutionContext): boolean {
    return this.check(context);
  }
}
