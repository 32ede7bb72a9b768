import { Injectable, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { LogCapture } from '../test/log-capture';
import { useAppLogger } from './app-logger';
import { LoggingModule } from './logging.module';
import { REDACTED } from './redact-paths';

@Injectable()
class SyncScheduler {
  private readonly logger = new Logger(SyncScheduler.name);

  tick(): void {
    this.logger.log({ integration: 'shopify', token: 'shpat_secret' }, 'scheduled');
    this.logger.error('sync failed', 'Error: boom\n    at run (sync.ts:1:1)');
    this.logger.verbose('hidden at debug');
  }
}

// A worker has no HTTP server: an application context, no pino-http middleware.
describe('useAppLogger in an application context', () => {
  it("routes Nest's Logger through pino: context, level names, redaction", async () => {
    const capture = new LogCapture();
    const context = await Test.createTestingModule({
      imports: [LoggingModule.forRoot({ service: 'shopify-sync', level: 'debug', destination: capture })],
      providers: [SyncScheduler],
    }).compile();
    useAppLogger(context);
    await context.init();

    context.get(SyncScheduler).tick();
    await context.close();

    const records = capture.records();
    expect(records).toContainEqual(
      expect.objectContaining({
        level: 'info',
        service: 'shopify-sync',
        context: 'SyncScheduler',
        integration: 'shopify',
        token: REDACTED,
        msg: 'scheduled',
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        level: 'error',
        context: 'SyncScheduler',
        err: expect.objectContaining({ message: 'sync failed', stack: expect.stringContaining('at run') }),
      }),
    );
    expect(records.map((record) => record['msg'])).not.toContain('hidden at debug');
    expect(capture.raw).not.toContain('shpat_secret');
  });
});
