import type { Request } from 'express';

import { Controller, HttpCode, Post, Req } from '@nestjs/common';

import { SubscriberAuth } from '../auth/subscriber-auth';
import { TicketStore } from '../auth/ticket-store';
import { tooManyRequests } from './hub-http.exception';

/** `POST /sse/tickets`: trades a subscriber token for a single-use ticket to put in a stream URL. */
@Controller('sse/tickets')
export class TicketController {
  constructor(
    private readonly auth: SubscriberAuth,
    private readonly tickets: TicketStore,
  ) {}

  /**
   * Needs a valid token in the `Authorization` header or cookie (not a ticket). The ticket carries
   * the token's channel grants and expires within 30 s, or with the token if that is sooner.
   * @throws 401 for a missing or bad token; 429 when too many tickets are outstanding.
   */
  @Post()
  @HttpCode(201)
  async issue(
    @Req() req: Request,
  ): Promise<{ ticket: string; expiresAt: string }> {
    const token = await this.auth.verifyToken(req);
    const issued = await this.tickets.issue(token.grants, token.expiresAt);
    if (!issued)
      throw tooManyRequests(
        'too many outstanding tickets; try again shortly',
        5,
      );
    return { ticket: issued.ticket, expiresAt: issued.expiresAt.toISOString() };
  }
}
