import { retryAfterMs } from '@ops/resilience';

/** How one HTTP exchange with the hub ended, when it did not give the client what it asked for. */
export type HttpFailure =
  /** The hub answered with an error status; `message` is the hub's own (`{statusCode, error, message}`). */
  | { readonly kind: 'refused'; readonly status: number; readonly message: string; readonly retryAfterMs?: number }
  /** No usable answer: network error, timeout, stream cut or silent for too long. */
  | { readonly kind: 'failed'; readonly message: string }
  /** Stopped by the client itself (`close()`, a channel change). */
  | { readonly kind: 'aborted' };

const MAX_ERROR_BODY_CHARS = 2_000;

/** Reads the hub's error body; any other body is summarised by its status text. */
export async function refusalOf(response: Response): Promise<HttpFailure> {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const text = (await response.text()).slice(0, MAX_ERROR_BODY_CHARS);
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') message = `${response.status}: ${body.message}`;
  } catch {
    // Not the hub's JSON error: keep the status line.
  }
  const retryAfter = retryAfterMs(response.headers.get('retry-after'));
  return { kind: 'refused', status: response.status, message, ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }) };
}

/** A thrown fetch/read error as a failure; `aborted` when the client's own signal caused it. */
export function failureOf(error: unknown, signal: AbortSignal, what: string): HttpFailure {
  if (signal.aborted) return { kind: 'aborted' };
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', message: `${what}: ${reason}` };
}

/**
 * True when retrying cannot help: a 4xx other than 408 (timeout) and 429 (too many requests).
 * 401 with ticket auth is handled before this (one fresh ticket).
 */
export function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
