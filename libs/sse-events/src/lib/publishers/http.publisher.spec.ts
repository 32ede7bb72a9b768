import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createEnvelope } from '../create-envelope';
import { HttpPublisher, HubRejectedError, PublishFailedError } from './http.publisher';

const TOKEN = 'publisher-secret-token';
const envelope = createEnvelope('admin:broadcast', { system: 'hub', account: 'local', environment: 'production' }, {
  message: 'hello',
  level: 'info',
});

interface Received {
  authorization?: string;
  body: unknown;
}

/** A local ingest endpoint that answers each request with the next scripted status. */
async function startHub(statuses: (number | [number, Record<string, string>])[]) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      const next = statuses.shift() ?? 202;
      const [status, headers] = Array.isArray(next) ? next : [next, {}];
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify({ status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const fast = { token: TOKEN, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 2000 };

describe('HttpPublisher', () => {
  it('POSTs envelopes as a JSON array to /events with the bearer token', async () => {
    const hub = await startHub([202]);
    await new HttpPublisher({ ...fast, hubUrl: hub.url }).publish(envelope);
    expect(hub.received).toEqual([{ authorization: `Bearer ${TOKEN}`, body: [envelope] }]);
    await hub.close();
  });

  it('retries 5xx with backoff and succeeds when the hub recovers', async () => {
    const hub = await startHub([503, 500, 202]);
    await new HttpPublisher({ ...fast, hubUrl: hub.url }).publish([envelope, envelope]);
    expect(hub.received).toHaveLength(3);
    await hub.close();
  });

  it('honours Retry-After on 429', async () => {
    const hub = await startHub([[429, { 'retry-after': '0.3' }], 202]);
    const started = Date.now();
    await new HttpPublisher({ ...fast, hubUrl: hub.url, maxDelayMs: 5000 }).publish(envelope);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(hub.received).toHaveLength(2);
    await hub.close();
  });

  it('does not retry a 4xx and reports the hub answer', async () => {
    const hub = await startHub([400, 202]);
    const error = await new HttpPublisher({ ...fast, hubUrl: hub.url }).publish(envelope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubRejectedError);
    expect((error as HubRejectedError).status).toBe(400);
    expect(hub.received).toHaveLength(1);
    await hub.close();
  });

  it('gives a clear error after the last try, without the token', async () => {
    const hub = await startHub([502, 502, 502, 502]);
    const publisher = new HttpPublisher({ ...fast, hubUrl: hub.url, maxAttempts: 3 });
    const error = (await publisher.publish(envelope).catch((e: unknown) => e)) as PublishFailedError;
    expect(error).toBeInstanceOf(PublishFailedError);
    expect(error.message).toBe('publishing to the hub failed after 3 attempts; last failure: HTTP 502');
    expect(hub.received).toHaveLength(3);
    await hub.close();
  });

  it('retries network errors (hub down) and fails after maxAttempts', async () => {
    const hub = await startHub([]);
    await hub.close();
    const publisher = new HttpPublisher({ ...fast, hubUrl: hub.url, maxAttempts: 2 });
    const error = (await publisher.publish(envelope).catch((e: unknown) => e)) as PublishFailedError;
    expect(error.message).toMatch(/failed after 2 attempts; last failure: network error ECONNREFUSED/);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});
