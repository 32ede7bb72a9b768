import type { z } from 'zod';

import { describeHttpError } from '../lib/http-error';

/** Every request of the page goes to the origin that served it (page, API and streams share one). */
export function apiUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/**
 * Sends a request and validates the JSON answer with the contract's schema.
 * @throws Error naming the path and the status, or the first schema issues, so the page can show it.
 */
export async function fetchJson<S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}): Promise<z.output<S>> {
  const response = await fetch(apiUrl(path), { ...init, headers: { accept: 'application/json', ...init.headers } });
  if (!response.ok) {
    throw new Error(describeHttpError(path, response.status, response.statusText, await response.text().catch(() => '')));
  }
  const body: unknown = await response.json().catch(() => {
    throw new Error(`${path} did not answer JSON`);
  });
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${path} answered a body that does not match the contract (${issues.join('; ')})`);
  }
  return result.data;
}
