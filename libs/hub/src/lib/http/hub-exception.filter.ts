import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { TransientError } from '@ops/resilience';
import type { Response } from 'express';

import { type ErrorBody, HubHttpException } from './hub-http.exception';

/**
 * Renders every error as `{statusCode, error, message}` JSON with any headers the exception
 * carries. Unexpected errors become a 500 whose body reveals nothing; they are logged instead.
 * If a response is already under way (a stream), the socket is closed instead.
 */
@Catch()
export class HubExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HubExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { body, headers } = this.describe(exception);
    if (res.headersSent || !res.socket || res.socket.destroyed) {
      res.socket?.destroy();
      return;
    }
    res.status(body.statusCode).set(headers).json(body);
  }

  private describe(exception: unknown): {
    body: ErrorBody;
    headers: Record<string, string>;
  } {
    if (exception instanceof HubHttpException) {
      return {
        body: exception.getResponse() as ErrorBody,
        headers: exception.headers,
      };
    }
    if (exception instanceof TransientError) {
      // A shared dependency (Redis) is unreachable: the request may succeed on a retry.
      return {
        body: { statusCode: 503, error: 'unavailable', message: exception.message },
        headers: { 'Retry-After': '1' },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String(
              (response as { message?: unknown }).message ?? exception.message,
            );
      return {
        body: { statusCode: status, error: codeOf(status), message },
        headers: {},
      };
    }
    this.logger.error({
      message: 'unhandled error',
      error: (exception as Error)?.message,
    });
    return {
      body: {
        statusCode: 500,
        error: 'internal_error',
        message: 'internal error',
      },
      headers: {},
    };
  }
}

function codeOf(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
  };
  return codes[status] ?? 'http_error';
}
