import { request } from 'node:http';

import { createEnvelope } from '@ops/sse-events';

import {
  inventoryUpdate,
  post,
  PUBLISHER_TOKEN,
  sleep,
  startHub,
  Subscriber,
  type TestHub,
} from '../../test/hub-harness';

describe('POST /events', () => {
  let hub: TestHub;
  let sub: Subscriber;

  beforeAll(async () => {
    hub = await startHub({ HUB_MAX_BODY_BYTES: '4096' });
    sub = new Subscriber(
      `${hub.url}/sse?channels=inventory,sales,forecast,admin`,
      {
        authorization: `Bearer ${await signAll()}`,
      },
    );
    await sub.connected();
  });
  afterAll(async () => {
    sub.close();
    await hub.close();
  });

  async function signAll(): Promise<string> {
    const { SignJWT } = await import('jose');
    const { JWT_SECRET } = await import('../../test/hub-harness');
    return new SignJWT({ channels: ['*'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JWT_SECRET));
  }

  const valid = inventoryUpdate('OK-1');
  const badType = { ...inventoryUpdate('X'), type: 'made:up' };
  const badPayload = {
    ...inventoryUpdate('X'),
    payload: { sku: 'X', quantity: 'lots' },
  };
  const badChannels = { ...inventoryUpdate('X'), channels: ['sales'] };
  const extraField = { ...inventoryUpdate('X'), extra: true };
  const broadcast = createEnvelope(
    'admin:broadcast',
    { system: 'hub', account: 'hub', environment: 'production' },
    { message: 'sneaky', level: 'critical' },
  );

  it.each([
    ['malformed JSON', 400, '{"id": ', /JSON/],
    ['an empty body', 400, '', /empty/],
    ['an empty array', 400, [], /no events/],
    ['an unknown type', 400, badType, /^type: unknown event type/],
    ['a wrong payload field', 400, badPayload, /payload\./],
    ['channels not from the routing table', 400, badChannels, /^channels:/],
    ['an unknown envelope field', 400, extraField, /extra|unrecognized/i],
    [
      'one bad envelope in a batch',
      400,
      [inventoryUpdate('X'), badPayload],
      /^\[1\]\.payload/,
    ],
    ['a broadcast through ingest', 403, broadcast, /admin:broadcast/],
    [
      'an oversized body',
      413,
      [
        inventoryUpdate('X'.repeat(100)),
        ...Array.from({ length: 20 }, () => inventoryUpdate('Y')),
      ],
      /exceeds 4096 bytes/,
    ],
  ])(
    'refuses %s with %i and broadcasts nothing',
    async (_label, status, body, message) => {
      const before = hub.hub.stats.snapshot().totalEvents;
      const response = await post(hub.url, '/events', body);
      expect(response.status).toBe(status);
      expect(response.body['message']).toMatch(message);
      await sleep(50);
      expect(hub.hub.stats.snapshot().totalEvents).toBe(before);
      expect(sub.received).toHaveLength(0);
    },
  );

  it('refuses a wrong publisher token with 401 and broadcasts nothing', async () => {
    const response = await post(
      hub.url,
      '/events',
      inventoryUpdate('W'),
      'wrong-token-0123456789',
    );
    expect(response.status).toBe(401);
    await sleep(50);
    expect(sub.received).toHaveLength(0);
  });

  it('refuses a chunked body that grows past the limit with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${hub.url}/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${PUBLISHER_TOKEN}`,
          'content-type': 'application/json',
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.write('[' + ' '.repeat(3000));
      req.write(' '.repeat(3000));
      req.end(']');
    });
    expect(status).toBe(413);
    expect(sub.received).toHaveLength(0);
  });

  it('accepts a valid batch and drops duplicate ids, so a retried publish is harmless', async () => {
    const second = inventoryUpdate('OK-2');
    expect(
      (await post(hub.url, '/events', [valid, second, valid])).body,
    ).toEqual({ accepted: 2, duplicates: 1 });
    expect((await post(hub.url, '/events', [valid, second])).body).toEqual({
      accepted: 0,
      duplicates: 2,
    });
    await sub.waitFor((events) => events.length >= 3);
    await sleep(100);
    expect(sub.received.map((e) => e.id)).toEqual([valid.id, second.id]);
  });
});
