import type { Request } from 'express';

import {
  Controller,
  HttpCode,
  Inject,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';

import { PublisherGuard } from '../auth/credential.guards';
import type { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../hub.tokens';
import { EventHub, type PublishResult } from '../sse/event-hub';
import { parseIngestBatch } from './ingest-batch';
import { readJsonBody } from './json-body';

/** `POST /events`: the HTTP ingest workers publish to (publisher token). */
@Controller('events')
@UseGuards(PublisherGuard)
export class IngestController {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    private readonly hub: EventHub,
  ) {}

  /**
   * Accepts one envelope or an array. Nothing is broadcast unless the whole body is valid;
   * envelopes whose id was seen recently are skipped and counted in `duplicates`.
   */
  @Post()
  @HttpCode(202)
  async ingest(@Req() req: Request): Promise<PublishResult> {
    const body = await readJsonBody(req, this.config.limits.maxBodyBytes);
    return this.hub.publish(parseIngestBatch(body));
  }
}
