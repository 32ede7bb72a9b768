import type { IncomingMessage } from 'node:http';

import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify } from 'jose';

import type { HubConfig } from '../config/hub.config';
import { forbidden, unauthorized } from '../http/hub-http.exception';
import { HUB_CONFIG } from '../hub.tokens';
import { ChannelGrants } from './channel-grants';
import { bearerToken, cookieValue, TOKEN_COOKIE } from './credentials';
import { TicketStore } from './ticket-store';

/** A verified subscriber token: what it may read and until when (ms since epoch). */
export interface VerifiedToken {
  grants: ChannelGrants;
  expiresAt: number;
}

const URL_TOKEN_PARAMS = ['token', 'access_token', 'jwt', 'auth'];

/**
 * Decides whether a stream request may read its channels, before any byte of the stream is sent.
 * Accepts an HS256 JWT (`Authorization: Bearer` or the `hub_token` HttpOnly cookie) whose
 * `channels` claim covers every requested channel, or a single-use ticket in `?ticket=`.
 * With `HUB_AUTH=off` everything is allowed.
 */
@Injectable()
export class SubscriberAuth {
  private readonly key: Uint8Array | undefined;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    private readonly tickets: TicketStore,
  ) {
    const secret = config.auth.jwtSecret;
    this.key = secret ? new TextEncoder().encode(secret) : undefined;
  }

  /**
   * Resolves with the time (ms since epoch) the credential's grant ends: the token's `exp`, or for a
   * ticket the `exp` of the token it was issued for; `Infinity` with auth off.
   * @throws 401 when no valid credential is presented (a ticket is spent even if the channel
   * check then fails), 403 naming the first channel the credential does not cover.
   */
  async authorize(
    req: IncomingMessage & { query?: unknown },
    channels: readonly string[],
  ): Promise<number> {
    if (!this.config.auth.enabled) return Number.POSITIVE_INFINITY;
    const query = (req.query ?? {}) as Record<string, unknown>;
    if (URL_TOKEN_PARAMS.some((name) => query[name] !== undefined)) {
      throw unauthorized(
        'tokens are not accepted in URLs; exchange one for a ticket at POST /sse/tickets',
      );
    }
    let grants: ChannelGrants;
    let expiresAt: number;
    if (query['ticket'] !== undefined) {
      const redeemed =
        typeof query['ticket'] === 'string'
          ? await this.tickets.consume(query['ticket'])
          : undefined;
      if (!redeemed)
        throw unauthorized('ticket is invalid, expired or already used');
      grants = redeemed.grants;
      expiresAt = redeemed.grantExpiresAt;
    } else {
      ({ grants, expiresAt } = await this.verifyToken(req));
    }
    const uncovered = grants.firstUncovered(channels);
    if (uncovered !== undefined)
      throw forbidden(
        `token does not grant channel ${JSON.stringify(uncovered)}`,
      );
    return expiresAt;
  }

  /**
   * Verifies the subscriber token from the `Authorization` header or the `hub_token` cookie.
   * The token must be HS256, unexpired, carry `exp`, and have a `channels` array of patterns.
   * @throws 401 describing what is wrong, never echoing the token.
   */
  async verifyToken(req: IncomingMessage): Promise<VerifiedToken> {
    if (!this.config.auth.enabled || !this.key) {
      return {
        grants: ChannelGrants.all(),
        expiresAt: Number.MAX_SAFE_INTEGER,
      };
    }
    const token =
      bearerToken(req.headers) ?? cookieValue(req.headers, TOKEN_COOKIE);
    if (!token)
      throw unauthorized(
        `missing credentials: send Authorization: Bearer <token> or the ${TOKEN_COOKIE} cookie`,
      );
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp'],
      });
      const channels = payload['channels'];
      if (
        !Array.isArray(channels) ||
        !channels.every((c) => typeof c === 'string')
      ) {
        throw unauthorized(
          'token has no "channels" claim (an array of channel patterns)',
        );
      }
      return {
        grants: new ChannelGrants(channels),
        expiresAt: (payload.exp as number) * 1000,
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw unauthorized('token has expired');
      if (error instanceof joseErrors.JOSEError)
        throw unauthorized('token is invalid');
      throw error;
    }
  }
}
