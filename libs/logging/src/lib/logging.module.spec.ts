import { Controller, Get, HttpException, Logger, Res, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';

import { LogCapture } from '../test/log-capture';
import { useAppLogger } from './app-logger';
import { LoggingModule } from './logging.module';
import { REDACTED } from './redact-paths';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.subscriber.signature';

@Controller()
class OrdersController {
  private readonly logger = new Logger(OrdersController.name);

  @Get('orders')
  list(): { orders: number } {
    this.logger.log('listing orders');
    this.logger.debug({ store: 'uk', accessToken: TOKEN }, 'store read');
    return { orders: 2 };
  }

  @Get('login')
  login(@Res({ passthrough: true }) res: { cookie(name: string, value: string): void }): string {
    res.cookie('hub_token', TOKEN);
    return 'ok';
  }

  @Get('missing')
  missing(): never {
    throw new HttpException('no such thing', 404);
  }

  @Get('sse/sales')
  stream(): string {
    this.logger.log('stream opened');
    return 'a stream stand-in';
  }
}

/**
 * nestjs-pino keeps its first logger for the process (see LoggingModule), so this file builds one
 * app for all its tests and clears the capture between them.
 */
describe('LoggingModule', () => {
  const capture = new LogCapture();
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [LoggingModule.forRoot({ service: 'sse-hub', level: 'debug', destination: capture })],
      controllers: [OrdersController],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    useAppLogger(app);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { headers });
  const byMessage = (msg: string) => capture.records().filter((record) => record['msg'] === msg);

  it("writes Nest's own start-up lines, buffered before useAppLogger, as JSON with their context", () => {
    expect(capture.records()).toContainEqual(
      expect.objectContaining({ level: 'info', service: 'sse-hub', context: 'RoutesResolver', time: expect.any(String) }),
    );
  });

  it("writes a Logger's calls as JSON lines with context, the request and no credential", async () => {
    capture.clear();
    const response = await get('/orders?ticket=single-use-ticket&store=uk', {
      authorization: `Bearer ${TOKEN}`,
      cookie: `hub_token=${TOKEN}`,
    });
    expect(response.status).toBe(200);

    const [line] = byMessage('listing orders');
    expect(line).toMatchObject({ level: 'info', context: 'OrdersController', service: 'sse-hub' });
    expect(line['req']).toMatchObject({ method: 'GET', headers: { authorization: REDACTED, cookie: REDACTED } });
    expect(byMessage('store read')).toEqual([
      expect.objectContaining({ level: 'debug', context: 'OrdersController', accessToken: REDACTED }),
    ]);

    const [completed] = byMessage('request completed');
    expect(completed).toMatchObject({
      level: 'info',
      res: { statusCode: 200 },
      req: { url: `/orders?ticket=${REDACTED}&store=uk`, query: { ticket: REDACTED, store: 'uk' } },
    });
    expect(capture.raw).not.toContain(TOKEN);
    expect(capture.raw).not.toContain('single-use-ticket');
  });

  it('censors a credential response header (set-cookie)', async () => {
    capture.clear();
    expect((await get('/login')).status).toBe(200);
    const [completed] = byMessage('request completed');
    expect(completed['res']).toMatchObject({ statusCode: 200, headers: { 'set-cookie': REDACTED } });
    expect(capture.raw).not.toContain(TOKEN);
  });

  it("logs the client's address: the peer's, or X-Forwarded-For's only when the peer is a trusted proxy", async () => {
    const express = app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void };
    const addressOf = async () => {
      capture.clear();
      await get('/orders', { 'x-forwarded-for': '203.0.113.9' });
      return (byMessage('request completed')[0]?.['req'] as { remoteAddress?: string }).remoteAddress;
    };
    try {
      expect(await addressOf()).toBe('127.0.0.1');
      express.set('trust proxy', ['127.0.0.1']);
      expect(await addressOf()).toBe('203.0.113.9');
    } finally {
      express.set('trust proxy', false);
    }
  });

  it('logs a 4xx completion at warn', async () => {
    capture.clear();
    expect((await get('/missing')).status).toBe(404);
    expect(byMessage('request completed')).toEqual([expect.objectContaining({ level: 'warn', res: expect.objectContaining({ statusCode: 404 }) })]);
  });

  it.each([
    ['a GET under /sse', '/sse/sales', {}],
    ['an Accept: text/event-stream request', '/orders', { accept: 'text/event-stream' }],
  ])('does not auto-log %s', async (_label, path, headers) => {
    capture.clear();
    expect((await get(path, headers)).status).toBe(200);
    await get('/orders');
    expect(byMessage('request completed').map((record) => (record['req'] as { url: string }).url)).toEqual(['/orders']);
  });

  it('keeps event streams out of the request logger: no per-subscriber child logger, no req on their lines', async () => {
    capture.clear();
    await fetch(`${baseUrl}/sse/sales`);
    await fetch(`${baseUrl}/orders`);
    const [stream] = byMessage('stream opened');
    const [orders] = byMessage('listing orders');
    expect(stream).toBeDefined();
    expect(stream?.['req']).toBeUndefined();
    expect(orders?.['req']).toMatchObject({ url: '/orders' });
  });
});
