import type { Request, Response } from 'express';

import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';

import { OpenStream } from '../sse/open-stream';
import {
  channelList,
  jobStreamChannel,
  singleChannel,
} from './channel-request';

/**
 * The SSE routes. They take over the raw socket (no `@Sse()`, no RxJS): the response object is
 * used only to send a JSON error when the stream is refused.
 */
@Controller('sse')
export class StreamController {
  constructor(private readonly openStream: OpenStream) {}

  /** `GET /sse?channels=a,b`: one connection, many channels, each event delivered once. */
  @Get()
  async many(
    @Query('channels') channels: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.openStream.execute(req, res, channelList(channels));
  }

  /** `GET /sse/jobs/:jobId`: the `job:{jobId}` channel. */
  @Get('jobs/:jobId')
  async job(
    @Param('jobId') jobId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.openStream.execute(req, res, jobStreamChannel(jobId));
  }

  /** `GET /sse/:channel`: one static channel, or `job:{jobId}`. */
  @Get(':channel')
  async one(
    @Param('channel') channel: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.openStream.execute(req, res, singleChannel(channel));
  }
}
