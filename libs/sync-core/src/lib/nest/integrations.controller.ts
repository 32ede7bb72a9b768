import { Controller, Get, Header } from '@nestjs/common';

import type { IntegrationStatus } from '../registry/integration-status';
import { IntegrationWorkers } from './integration-workers';

/** `GET /api/integrations`: one entry per registered integration, configured or not. */
@Controller('api/integrations')
export class IntegrationsController {
  constructor(private readonly workers: IntegrationWorkers) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  list(): Promise<IntegrationStatus[]> {
    return this.workers.statuses();
  }
}
