import type { SyncError } from '../schemas/common.schema';
import { redactSecrets } from './redact';

const MAX_MESSAGE = 2000;

interface HttpErrorShape {
  code?: unknown;
  message?: unknown;
  name?: unknown;
  config?: { method?: unknown; url?: unknown; baseURL?: unknown };
  response?: { status?: unknown; data?: unknown };
}

/**
 * Turns anything thrown into the `{code, message}` of a `*:sync_error` payload, with secrets
 * stripped. Understands axios errors (method, URL, status, the API's own error text) and
 * `fetch`-style errors; never copies request headers, which is where most credentials live.
 */
export function serializeSyncError(error: unknown): SyncError {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as HttpErrorShape;
  const status = typeof shape.response?.status === 'number' ? shape.response.status : undefined;
  const parts = [
    requestLine(shape.config),
    status !== undefined ? `HTTP ${status}` : undefined,
    typeof shape.message === 'string' ? shape.message : String(error),
    apiErrorText(shape.response?.data),
  ].filter((part): part is string => Boolean(part));
  const message = redactSecrets(parts.join(' - ')).slice(0, MAX_MESSAGE) || 'unknown error';
  return { code: errorCode(shape, status), message };
}

function errorCode(shape: HttpErrorShape, status: number | undefined): string {
  if (status !== undefined) return `HTTP_${status}`;
  if (typeof shape.code === 'string' && /^[A-Z0-9_]{2,60}$/.test(shape.code)) return shape.code;
  if (typeof shape.name === 'string' && /^[A-Za-z]{2,60}$/.test(shape.name)) return shape.name;
  return 'UNKNOWN';
}

function requestLine(config: HttpErrorShape['config']): string | undefined {
  if (!config || typeof config.url !== 'string') return undefined;
  const method = typeof config.method === 'string' ? config.method.toUpperCase() : 'GET';
  const base = typeof config.baseURL === 'string' && !/^[a-z]+:\/\//i.test(config.url) ? config.baseURL : '';
  return `${method} ${base}${config.url}`;
}

/** The API's own explanation, if the body carries one, cut short. */
function apiErrorText(data: unknown): string | undefined {
  if (typeof data === 'string') return data.slice(0, 300) || undefined;
  if (!data || typeof data !== 'object') return undefined;
  const body = data as Record<string, unknown>;
  const text = body['error_description'] ?? body['message'] ?? body['Message'] ?? body['error'] ?? body['errors'];
  if (text === undefined) return undefined;
  return (typeof text === 'string' ? text : JSON.stringify(text)).slice(0, 300);
}
