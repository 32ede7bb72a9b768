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
  secret: string | undefined,
  enabled: boolean,
  label: string,
) {
  const matcher = secret ? new SecretMatcher(secret) : undefined;
  return (context: ExecutionContext): boolean => {
    if (!enabled) return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!matcher || !matcher.matches(bearerToken(req.headers))) {
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
