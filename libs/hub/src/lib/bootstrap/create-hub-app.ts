import {
  type DynamicModule,
  type LoggerService,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { useAppLogger } from '@ops/logging';

import type { HubConfig } from '../config/hub.config';

export interface CreateHubAppOptions {
  /**
   * Default: the pino logger of `LoggingModule`, which `rootModule` must import (JSON lines,
   * credentials redacted); `false` silences Nest (tests).
   */
  logger?: LoggerService | false;
  /** Close cleanly on SIGTERM/SIGINT. Default true; tests that create many apps turn it off. */
  shutdownHooks?: boolean;
}

/**
 * Creates the Nest application around `rootModule` (which imports `HubModule.forRoot`).
 * Body parsing is off (ingest reads and limits its own body), `X-Powered-By` and ETags are off,
 * and no compression middleware is ever installed, so streams are never buffered by the server.
 */
export async function createHubApp(
  rootModule: Type | DynamicModule,
  options: CreateHubAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    bodyParser: false,
    ...(options.logger === undefined
      ? { bufferLogs: true }
      : { logger: options.logger }),
  });
  if (options.logger === undefined) useAppLogger(app);
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.shutdownHooks ?? true)
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}

/**
 * Listens on the configured host and port (port 0 picks a free one). Long-lived streams are safe
 * from Node's timeouts: `requestTimeout` and `headersTimeout` apply only until a request has been
 * received, and `keepAliveTimeout` only to idle connections between requests.
 */
export async function listenHub(
  app: NestExpressApplication,
  config: Pick<HubConfig, 'port' | 'host'>,
): Promise<string> {
  const server = app.getHttpServer();
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.timeout = 0;
  await app.listen(config.port, config.host);
  // Start-up lines buffered for the app logger come out before the caller's "listening" line.
  app.flushLogs();
  const address = server.address();
  const port =
    typeof address === 'object' && address ? address.port : config.port;
  return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
}
