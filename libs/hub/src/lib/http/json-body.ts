import type { IncomingMessage } from 'node:http';

import { badRequest, payloadTooLarge } from './hub-http.exception';

/**
 * Reads and parses a JSON request body of at most `limit` bytes. A declared `Content-Length` over
 * the limit is refused before reading; an undeclared body is cut off as soon as it passes it.
 * @throws 413 when too large, 400 when empty or not JSON.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit)
    throw payloadTooLarge(limit);
  const { chunks, size } = await collect(req, limit);
  const text = Buffer.concat(chunks, size).toString('utf8');
  if (text.trim() === '')
    throw badRequest(
      'request body is empty; expected a JSON envelope or array of envelopes',
    );
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('request body is not valid JSON');
  }
}

function collect(
  req: IncomingMessage,
  limit: number,
): Promise<{ chunks: Buffer[]; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Stop keeping the body but keep draining it, so the 413 response can still be delivered.
      req.off('data', onData);
      req.resume();
      reject(payloadTooLarge(limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve({ chunks, size }));
    req.once('error', reject);
  });
}
