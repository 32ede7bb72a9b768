import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';

import type { SandboxResponse } from '../../common/http';

export type WriteMode = 'normal' | 'truncated' | 'malformed';

/**
 * Writes a response, optionally broken: `truncated` announces the full Content-Length, sends
 * half the body and destroys the socket; `malformed` sends a complete response whose body is
 * the first half of the JSON (valid HTTP, unparsable JSON).
 */
export function writeResponse(res: ServerResponse, response: SandboxResponse, mode: WriteMode): void {
  const headers = { ...response.headers, 'X-Sandbox': 'true' };
  if (typeof response.body === 'string') {
    const full = Buffer.from(response.body);
    const half = full.subarray(0, Math.floor(full.length / 2));
    if (mode === 'malformed') {
      res.writeHead(response.status, { ...headers, 'Content-Length': String(half.length) });
      res.end(half);
    } else if (mode === 'truncated') {
      res.writeHead(response.status, { ...headers, 'Content-Length': String(full.length) });
      res.write(half, () => res.destroy());
    } else {
      res.writeHead(response.status, { ...headers, 'Content-Length': String(full.length) });
      res.end(full);
    }
    return;
  }
  const { file, size } = response.body;
  res.writeHead(response.status, { ...headers, 'Content-Length': String(size) });
  const half = Math.floor(size / 2);
  const stream = createReadStream(file, mode === 'normal' || half === 0 ? {} : { start: 0, end: half - 1 });
  if (mode === 'normal') {
    stream.pipe(res);
  } else {
    stream.on('data', (chunk) => res.write(chunk));
    stream.on('end', () => res.destroy());
  }
  stream.on('error', () => res.destroy());
}
