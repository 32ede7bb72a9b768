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
import { EventIngress } from '../cluster/event-ingress';
import type { PublishResult } from '../sse/event-hub';
import { parseIngestBatch } from './ingest-batch';
import { readJsonBody } from './json-body';

/** `POST /events`: the HTTP ingest workers publish to (publisher token). */
@Controller('events')
@UseGuards(PublisherGuard)
export class IngestController {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    private readonly ingress: EventIngress,
  ) {}

  /**
   * Accepts one envelope or an array. Nothing is broadcast unless the whole body is valid;
   * envelopes whose id was seen recently are skipped and counted in `duplicates`. With Redis the
   * events are appended to the shared stream (503 + Retry-After while it is unreachable).
   */
  @Post()
  @HttpCode(202)
  async ingest(@Req() req: Request): Promise<PublishResult> {
    const body = await readJsonBody(req, this.config.limits.maxBodyBytes);
    return this.ingress.publish(parseIngestBatch(body));
  }
}
