import { HttpException } from '@nestjs/common';

/** The JSON body of every error the hub returns. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/**
 * An HTTP error with a stable machine-readable `error` code and optional response headers
 * (`Retry-After`, `WWW-Authenticate`). Rendered as JSON by {@link HubExceptionFilter}.
 */
export class HubHttpException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(
      { statusCode: status, error: code, message } satisfies ErrorBody,
      status,
    );
  }
}

export const badRequest = (message: string) =>
  new HubHttpException(400, 'bad_request', message);
export const unauthorized = (message: string) =>
  new HubHttpException(401, 'unauthorized', message, {
    'WWW-Authenticate': 'Bearer',
  });
export const forbidden = (message: string) =>
  new HubHttpException(403, 'forbidden', message);
export const notFound = (message: string) =>
  new HubHttpException(404, 'not_found', message);
export const payloadTooLarge = (limit: number) =>
  new HubHttpException(
    413,
    'payload_too_large',
    `request body exceeds ${limit} bytes`,
    { Connection: 'close' },
  );
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new HubHttpException(429, 'too_many_requests', message, {
    'Retry-After': String(retryAfterSeconds),
  });
export const unavailable = (message: string, retryAfterSeconds: number) =>
  new HubHttpException(503, 'unavailable', message, {
    'Retry-After': String(retryAfterSeconds),
  });
