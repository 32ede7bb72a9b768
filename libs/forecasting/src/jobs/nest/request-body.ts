import type { IncomingMessage } from 'node:http';

/** Largest request body the jobs API reads (10,000 SKUs fit). */
const MAX_BODY_BYTES = 1_048_576;

export class RequestBodyError extends Error {}

/**
 * The JSON body of a request, whether or not a body parser has read it already (the hub's
 * application reads bodies itself and leaves others unread). An empty body is `undefined`.
 * @throws RequestBodyError for invalid JSON or a body over 1 MiB.
 */
export async function readJsonBody(req: IncomingMessage & { body?: unknown }): Promise<unknown> {
  if (req.readableEnded) return req.body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestBodyError(`body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestBodyError('body is not valid JSON');
  }
}
