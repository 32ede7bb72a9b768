import { SignJWT } from 'jose';

import {
  inventoryUpdate,
  JWT_SECRET,
  post,
  startHub,
  Subscriber,
  type TestHub,
} from '../../test/hub-harness';

const key = new TextEncoder().encode(JWT_SECRET);

function token(
  channels: unknown,
  { expiresIn = '5m', secret = key, alg = 'HS256' } = {},
): Promise<string> {
  return new SignJWT({ channels } as Record<string, unknown>)
    .setProtectedHeader({ alg })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret);
}

/** Opens a stream with fetch and returns its status and (for refusals) JSON body. */
async function open(
  hub: TestHub,
  path: string,
  headers: Record<string, string> = {},
) {
  const controller = new AbortController();
  const response = await fetch(`${hub.url}${path}`, {
    headers,
    signal: controller.signal,
  });
  const body = response.headers.get('content-type')?.includes('json')
    ? await response.json()
    : undefined;
  controller.abort();
  return {
    status: response.status,
    body,
    type: response.headers.get('content-type'),
  };
}

describe('auth (HUB_AUTH=on)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.close());

  describe('subscribers', () => {
    it.each([
      ['no credentials', 401, '/sse/sales', async () => ({})],
      [
        'a garbage bearer',
        401,
        '/sse/sales',
        async () => ({ authorization: 'Bearer nope' }),
      ],
      [
        'a token signed with another secret',
        401,
        '/sse/sales',
        async () => ({
          authorization: `Bearer ${await token(['*'], { secret: new TextEncoder().encode('x'.repeat(40)) })}`,
        }),
      ],
      [
        'an expired token',
        401,
        '/sse/sales',
        async () => ({
          authorization: `Bearer ${await token(['*'], { expiresIn: '-1m' })}`,
        }),
      ],
      [
        'a token without channels claim',
        401,
        '/sse/sales',
        async () => ({ authorization: `Bearer ${await token(undefined)}` }),
      ],
      ['a token in the URL', 401, `/sse/sales?token=abc`, async () => ({})],
      [
        'a token for other channels',
        403,
        '/sse/sales',
        async () => ({ authorization: `Bearer ${await token(['inventory'])}` }),
      ],
      [
        'a list partly outside the grant',
        403,
        '/sse?channels=sales,financial',
        async () => ({ authorization: `Bearer ${await token(['sales'])}` }),
      ],
      [
        'a job pattern for a static channel',
        403,
        '/sse/sales',
        async () => ({ authorization: `Bearer ${await token(['job:*'])}` }),
      ],
      [
        'an unknown channel with a valid token',
        404,
        '/sse/nope',
        async () => ({ authorization: `Bearer ${await token(['*'])}` }),
      ],
      [
        'a matching token',
        200,
        '/sse/sales',
        async () => ({ authorization: `Bearer ${await token(['sales'])}` }),
      ],
      [
        'a job pattern',
        200,
        '/sse/jobs/j-1',
        async () => ({ authorization: `Bearer ${await token(['job:*'])}` }),
      ],
      [
        'a wildcard on a list',
        200,
        '/sse?channels=sales,job:j2',
        async () => ({ authorization: `Bearer ${await token(['*'])}` }),
      ],
      [
        'the HttpOnly cookie',
        200,
        '/sse/sales',
        async () => ({
          cookie: `other=1; hub_token=${await token(['sales'])}`,
        }),
      ],
    ])('%s -> %i', async (_label, status, path, headers) => {
      const result = await open(hub, path, await headers());
      expect(result.status).toBe(status);
      if (status === 200) expect(result.type).toMatch(/text\/event-stream/);
      else
        expect(result.body).toMatchObject({
          statusCode: status,
          message: expect.any(String),
        });
    });

    it('issues single-use tickets that work in a URL', async () => {
      const response = await fetch(`${hub.url}/sse/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await token(['inventory'])}` },
      });
      expect(response.status).toBe(201);
      const { ticket, expiresAt } = (await response.json()) as {
        ticket: string;
        expiresAt: string;
      };
      expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(
        60_000,
      );
      const sub = new Subscriber(`${hub.url}/sse/inventory?ticket=${ticket}`);
      await sub.connected();
      const event = inventoryUpdate('T-1');
      await post(hub.url, '/events', event);
      await sub.waitFor((events) => events.some((e) => e.id === event.id));
      sub.close();
      expect((await open(hub, `/sse/inventory?ticket=${ticket}`)).status).toBe(
        401,
      );
    });

    it('refuses a ticket for channels the token did not grant, and tickets without a token', async () => {
      const response = await fetch(`${hub.url}/sse/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await token(['inventory'])}` },
      });
      const { ticket } = (await response.json()) as { ticket: string };
      expect((await open(hub, `/sse/sales?ticket=${ticket}`)).status).toBe(403);
      expect(
        (await fetch(`${hub.url}/sse/tickets`, { method: 'POST' })).status,
      ).toBe(401);
      expect((await open(hub, '/sse/sales?ticket=made-up')).status).toBe(401);
    });
  });
});
