import { SignJWT } from 'jose';

import {
  ADMIN_TOKEN,
  JWT_SECRET,
  startHub,
  type TestHub,
} from '../../test/hub-harness';

const key = new TextEncoder().encode(JWT_SECRET);
const METRICS_TOKEN = 'metrics-token-0123456789';

function tokenExpiringAt(expSeconds: number): Promise<string> {
  return new SignJWT({ channels: ['sales'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expSeconds)
    .sign(key);
}

/** Reads a whole stream body until the hub closes it (or `timeoutMs` passes). */
async function readUntilClosed(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ text: string; closedAfterMs: number }> {
  const started = Date.now();
  const response = await fetch(url, {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { text, closedAfterMs: Date.now() - started };
}

describe('token lifetime and monitoring endpoints (HUB_AUTH=on)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({ HUB_METRICS_TOKEN: METRICS_TOKEN });
  });
  afterAll(() => hub.close());

  it('ends a stream with auth_expired when its JWT expires, not before', async () => {
    // JWT exp has 1 s resolution: expire at the second boundary 2-3 s from now.
    const exp = Math.floor(Date.now() / 1000) + 3;
    const token = await tokenExpiringAt(exp);
    const { text } = await readUntilClosed(
      `${hub.url}/sse/sales`,
      { authorization: `Bearer ${token}` },
      10_000,
    );
    const closedAt = Date.now();
    expect(text).toContain('event: connected');
    expect(text).toMatch(
      new RegExp(
        `event: auth_expired\ndata: \\{"expiredAt":"${new Date(exp * 1000).toISOString()}"\\}\n\n$`,
      ),
    );
    // Closed by the 1 s sweep: at or after exp, within about a second of it.
    expect(closedAt).toBeGreaterThanOrEqual(exp * 1000);
    expect(closedAt).toBeLessThan(exp * 1000 + 2_500);
    expect(hub.hub.registry.size).toBe(0);
  });

  it('ends a ticket stream when the grant of the token behind the ticket expires', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3;
    const token = await tokenExpiringAt(exp);
    const issued = await fetch(`${hub.url}/sse/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(issued.status).toBe(201);
    const { ticket } = (await issued.json()) as { ticket: string };
    const { text } = await readUntilClosed(
      `${hub.url}/sse/sales?ticket=${ticket}`,
      {},
      10_000,
    );
    expect(text).toContain('event: auth_expired');
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
  });

  it.each([
    ['/metrics'],
    ['/sse/status'],
  ])('%s needs the admin or metrics token', async (path) => {
    expect((await fetch(`${hub.url}${path}`)).status).toBe(401);
    const wrong = await fetch(`${hub.url}${path}`, {
      headers: { authorization: 'Bearer not-the-metrics-token' },
    });
    expect(wrong.status).toBe(401);
    for (const token of [ADMIN_TOKEN, METRICS_TOKEN]) {
      const ok = await fetch(`${hub.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
    }
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
  });
});
