import { Controller, Get, Header, Inject, Logger } from '@nestjs/common';
import type { ForecastsResponse, InventoryResponse, ProductionResponse, SalesResponse, WorkingCapitalResponse } from '@ops/read-api-contract';

import { ReadModel } from '../read-model';
import { checked } from './contract-check';

/**
 * The dashboard's reads: `GET /api/sales`, `/api/working-capital`, `/api/inventory`,
 * `/api/production`, `/api/forecasts`. Never cached: events tell the page when to read again.
 */
@Controller('api')
export class ReadApiController {
  private readonly logger = new Logger(ReadApiController.name);

  constructor(@Inject(ReadModel) private readonly model: ReadModel) {}

  @Get('sales')
  @Header('Cache-Control', 'no-store')
  async sales(): Promise<SalesResponse> {
    return checked('sales', await this.model.sales(), this.logger);
  }

  @Get('working-capital')
  @Header('Cache-Control', 'no-store')
  async workingCapital(): Promise<WorkingCapitalResponse> {
    return checked('working-capital', await this.model.workingCapital(), this.logger);
  }

  @Get('inventory')
  @Header('Cache-Control', 'no-store')
  async inventory(): Promise<InventoryResponse> {
    return checked('inventory', await this.model.inventory(), this.logger);
  }

  @Get('production')
  @Header('Cache-Control', 'no-store')
  async production(): Promise<ProductionResponse> {
    return checked('production', await this.model.production(), this.logger);
  }

  @Get('forecasts')
  @Header('Cache-Control', 'no-store')
  async forecasts(): Promise<ForecastsResponse> {
    return checked('forecasts', await this.model.forecasts(), this.logger);
  }
}
