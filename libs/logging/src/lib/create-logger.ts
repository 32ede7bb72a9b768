import { hostname } from 'node:os';
import {
  pino,
  type Bindings,
  type DestinationStream,
  type Logger,
  type LoggerOptions,
} from 'pino';

import { readLoggingConfig, type LogFormat, type LogLevel } from './config/logging.config';
import { createPrettyStream } from './pretty-stream';
import { redactCredentials } from './redact-credentials';
import { REDACTED, REDACTED_PATHS } from './redact-paths';

export interface LoggingOptions {
  /** Written as `service` on every line (e.g. `sse-hub`, `shopify-sync`). Omitted when unset. */
  service?: string;
  /** Overrides `LOG_LEVEL`. */
  level?: LogLevel;
  /** Overrides `LOG_FORMAT`. */
  format?: LogFormat;
  /**
   * Where lines go; default stdout. With `format: 'pretty'` the human-readable text is written
   * here instead of JSON.
   */
  destination?: DestinationStream;
}

/**
 * The settings every logger in the repo shares: ISO `time`, level as its name (`"level":"info"`),
 * `service`/`pid`/`hostname` on every line, credentials censored as `[REDACTED]` (credential keys
 * at any depth of a line's object by `redactCredentials`, request and response headers by
 * `REDACTED_PATHS`). Reads `LOG_LEVEL` / `LOG_FORMAT` only for what `options` leaves unset.
 */
function resolveOptions(options: LoggingOptions = {}): { pinoOptions: LoggerOptions; format: LogFormat } {
  const fromEnv = options.level === undefined || options.format === undefined ? readLoggingConfig() : undefined;
  const level = options.level ?? fromEnv?.level ?? 'info';
  const format = options.format ?? fromEnv?.format ?? 'json';
  const pinoOptions: LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { ...(options.service ? { service: options.service } : {}), pid: process.pid, hostname: hostname() },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactCredentials(object),
    },
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
  };
  return { pinoOptions, format };
}

/**
 * A plain pino logger for code outside Nest (scripts, one-shot runs): the same format, level and
 * redaction as `LoggingModule`. `LOG_FORMAT=pretty` writes synchronously formatted text.
 * @throws ConfigError (`@ops/config`) when `LOG_LEVEL` or `LOG_FORMAT` is needed and invalid.
 */
export function createLogger(options: LoggingOptions = {}): Logger {
  const { pinoOptions, format } = resolveOptions(options);
  const destination = format === 'pretty' ? createPrettyStream(options.destination) : options.destination;
  return redactChildBindings(destination ? pino(pinoOptions, destination) : pino(pinoOptions));
}

/**
 * pino runs `formatters.log` on each line's object but applies no formatter to a child's bindings
 * (`logger.child({ account })`, nestjs-pino's `assign`). Every descendant inherits these methods
 * from the root (pino children are `Object.create(parent)`), so bindings take the same key walk.
 */
function redactChildBindings(logger: Logger): Logger {
  const { child, setBindings } = logger;
  const patch = (name: 'child' | 'setBindings', original: (...args: never[]) => unknown) =>
    Object.defineProperty(logger, name, {
      configurable: true,
      writable: true,
      value: function (this: Logger, bindings: Bindings, ...rest: unknown[]) {
        return Reflect.apply(original, this, [redactCredentials(bindings), ...rest]);
      },
    });
  patch('child', child);
  patch('setBindings', setBindings);
  return logger;
}
