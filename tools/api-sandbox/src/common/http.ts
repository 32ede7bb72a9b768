import type { IncomingMessage } from 'node:http';

/** Reads a request body fully (bounded, so a runaway client cannot exhaust memory). */
export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new Error(`request body exceeds ${limitBytes} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON or form-encoded body into a flat string record; unknown shapes give `{}`. */
export function parseFormOrJson(body: string, contentType: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if ((contentType ?? '').includes('json') || body.trim().startsWith('{')) {
    try {
      const parsed = JSON.parse(body) as unknown;
      if (parsed && typeof parsed === 'object') {
        for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') out[key] = value;
      }
    } catch {
      return out;
    }
    return out;
  }
  for (const [key, value] of new URLSearchParams(body)) out[key] = value;
  return out;
}

/** A response produced by a handler before faults are applied and bytes hit the socket. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  /** A string body, or a file to stream (bulk operation results). */
  body: string | { file: string; size: number };
  /** GraphQL points this request took from the bucket (requested minus refund), for the request log. */
  cost?: number;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}
