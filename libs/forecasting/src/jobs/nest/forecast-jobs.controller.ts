import type { IncomingMessage } from 'node:http';

import { BadRequestException, ConflictException, Controller, Delete, Get, Header, HttpCode, NotFoundException, Param, Post, Req } from '@nestjs/common';
import { ForecastJobEngine } from '../forecast-job.engine';
import { parseForecastJobRequest } from '../forecast-job.request';
import { readJsonBody } from './request-body';

/**
 * `POST /api/forecast-jobs` starts (or joins) a job: 202 `{jobId, joined}`; its events arrive on
 * `/sse/jobs/{jobId}`. `GET /api/forecast-jobs/{id}`: status, progress and, once finished, every
 * SKU's result. `DELETE /api/forecast-jobs/{id}`: cancels at the next SKU (202), 404 unknown, 409 finished.
 */
@Controller('api/forecast-jobs')
export class ForecastJobsController {
  constructor(private readonly engine: ForecastJobEngine) {}

  @Post()
  @HttpCode(202)
  async create(@Req() req: IncomingMessage): Promise<{ jobId: string; joined: boolean; events: string; result: string }> {
    const body = await readJsonBody(req).catch((error: Error) => {
      throw new BadRequestException(`invalid forecast job: ${error.message}`);
    });
    const parsed = parseForecastJobRequest(body);
    if (!parsed.ok) throw new BadRequestException(`invalid forecast job: ${parsed.message}`);
    const { jobId, joined } = await this.engine.submit(parsed.scope, 'api');
    return { jobId, joined, events: `/sse/jobs/${jobId}`, result: `/api/forecast-jobs/${jobId}` };
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  async get(@Param('id') id: string) {
    const job = await this.engine.get(id);
    if (!job) throw new NotFoundException(`no forecast job ${id}`);
    const finished = job.status === 'succeeded';
    return {
      jobId: job.id,
      status: job.status,
      stage: job.stage,
      progress: job.progress,
      trigger: job.trigger,
      scope: job.scope,
      requestedAt: job.requestedAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      error: job.error,
      summary: job.summary,
      forecasts: finished ? (await this.engine.results(id)).map(({ jobId: _job, ...row }) => row) : null,
    };
  }

  @Delete(':id')
  @HttpCode(202)
  async cancel(@Param('id') id: string): Promise<{ jobId: string; status: 'cancelling' }> {
    if (await this.engine.cancel(id)) return { jobId: id, status: 'cancelling' };
    const job = await this.engine.get(id);
    if (!job) throw new NotFoundException(`no forecast job ${id}`);
    throw new ConflictException(`forecast job ${id} has already finished (${job.status})`);
  }
}
