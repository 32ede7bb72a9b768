import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Options } from 'pino-http';

import { REDACTED } from './redact-paths';

/** `/sse`, `/sse/<channel>`, `/sse/jobs/<id>`, `/sse?channels=...`. */
const STREAM_PATH = /^\/sse(?:[/?]|$)/;

/** Query parameters that carry credentials (subscriber tickets and tokens, OAuth codes, signatures). */
const SECRET_QUERY_PARAM = /^(?:token|access_token|refresh_token|ticket|code|client_secret|api_?key|signature|x-amz-signature)$/i;

type ExpressRequest = IncomingMessage & { originalUrl?: string };

/**
 * True for a Server-Sent Events request: `Accept: text/event-stream`, or any GET under `/sse`
 * (the hub's stream routes; `GET /sse/status` is matched too, a polled endpoint nobody misses).
 * A stream lives for hours and the hub hands its socket over, so a "request completed" line would
 * come late, if at all.
 */
export function isEventStreamRequest(req: ExpressRequest): boolean {
  if (req.headers.accept?.includes('text/event-stream')) return true;
  return req.method === 'GET' && STREAM_PATH.test(req.originalUrl ?? req.url ?? '');
}

/** Replaces the value of each secret query parameter in a URL path, e.g. `?ticket=[REDACTED]`. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0];
      return SECRET_QUERY_PARAM.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
  remoteAddress?: string;
  /** The request itself (pino's standard serializer keeps it, not enumerable). */
  raw?: { ip?: string };
}

/**
 * pino-http's `req` serializer (applied after the standard one): secrets out of `url` and `query`;
 * `remoteAddress` is the client's address as Express resolves it (`req.ip`), so behind a proxy
 * trusted by `trust proxy` (the hub's `HUB_TRUST_PROXY`) it is the `X-Forwarded-For` client, and
 * the peer's own address otherwise.
 */
function redactRequest<R extends SerializedRequest>(req: R): R {
  if (typeof req.raw?.ip === 'string') req.remoteAddress = req.raw.ip;
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  if (req.query && typeof req.query === 'object') {
    req.query = Object.fromEntries(
      Object.entries(req.query).map(([name, value]) => [name, SECRET_QUERY_PARAM.test(name) ? REDACTED : value]),
    );
  }
  return req;
}

/** 5xx or a thrown error -> error, 4xx -> warn, anything else -> info. */
function completionLevel(_req: IncomingMessage, res: ServerResponse, error?: Error): 'error' | 'warn' | 'info' {
  if (error || res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * pino-http options over an existing logger (so request logs share its level, format and
 * redaction). With `autoLogging`, each finished request is logged once, except event streams.
 */
export function httpLoggingOptions(logger: Logger, autoLogging: boolean): Options {
  return {
    logger,
    autoLogging: autoLogging ? { ignore: isEventStreamRequest } : false,
    customLogLevel: completionLevel,
    serializers: { req: redactRequest },
  };
}
