import type { Request } from 'express';

import {
  Controller,
  HttpCode,
  Inject,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import { createEnvelope, InvalidEventError } from '@ops/sse-events';

import { AdminGuard } from '../auth/credential.guards';
import type { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../hub.tokens';
import { EventIngress } from '../cluster/event-ingress';
import { EventHub } from '../sse/event-hub';
import { badRequest } from './hub-http.exception';
import { readJsonBody } from './json-body';

/** `POST /sse/admin/broadcast`: an `admin:broadcast` to every open stream (admin token). */
@Controller('sse/admin')
@UseGuards(AdminGuard)
export class AdminController {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    private readonly hub: EventHub,
    private readonly ingress: EventIngress,
  ) {}

  /**
   * Body `{message, level}` (`info | warning | critical`), validated by the contract.
   * `recipients` counts this replica's streams; with Redis every replica's streams receive it.
   * @throws 400 naming the bad field.
   */
  @Post('broadcast')
  @HttpCode(202)
  async broadcast(
    @Req() req: Request,
  ): Promise<{ id: string; recipients: number }> {
    const body = await readJsonBody(req, this.config.limits.maxBodyBytes);
    let envelope;
    try {
      envelope = createEnvelope(
        'admin:broadcast',
        { system: 'hub', account: 'hub', environment: 'production' },
        body as { message: string; level: 'info' | 'warning' | 'critical' },
      );
    } catch (error) {
      if (error instanceof InvalidEventError) throw badRequest(error.message);
      throw error;
    }
    const recipients = this.hub.registry.size;
    await this.ingress.publish([envelope]);
    return { id: envelope.id, recipients };
  }
}
