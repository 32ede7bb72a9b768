import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

import { createLogger, type LoggingOptions } from './create-logger';
import { httpLoggingOptions } from './http-logging';

export interface LoggingModuleOptions extends LoggingOptions {
  /**
   * pino-http's "request completed" line per HTTP request (level by status: 5xx error, 4xx
   * warn). Default true. Event streams (`Accept: text/event-stream`, GET under `/sse`) are never
   * logged this way; logs written while handling a request carry its `req` either way.
   */
  httpAutoLogging?: boolean;
}

/**
 * nestjs-pino's `LoggerModule`, configured like `createLogger`: JSON lines with ISO `time`,
 * `LOG_LEVEL`, credentials `[REDACTED]`, `LOG_FORMAT=pretty` for local runs. Global: import it
 * once, in the root module, and call `useAppLogger(app)` so Nest's own `Logger` writes through it.
 *
 * The logger is built when the module is instantiated (not when `forRoot` is called), so a `.env`
 * loaded in `main.ts` is honoured and a bad `LOG_LEVEL` fails `NestFactory.create`.
 * nestjs-pino keeps the first instance's logger for logs outside a request, process-wide: a second
 * `LoggingModule` in the same process (e.g. a second test app) still logs there.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingModuleOptions = {}): DynamicModule {
    const { httpAutoLogging = true, ...loggingOptions } = options;
    return {
      module: LoggingModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => ({
            pinoHttp: httpLoggingOptions(createLogger(loggingOptions), httpAutoLogging),
            // Event streams skip the request logger entirely: no child logger held per subscriber.
            exclude: [
              { method: RequestMethod.GET, path: 'sse' },
              { method: RequestMethod.GET, path: 'sse/*path' },
            ],
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
