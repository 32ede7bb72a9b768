import Redis from 'ioredis';

import { inventoryUpdate } from '../../test/envelopes';
import { describeWithRedis, REDIS_URL } from '../../test/redis';
import { publish, type RunningHub, spawnHub } from '../../test/spawn-hub';
import { waitFor } from '../../test/wait-for';
import { SseClient } from './sse-client';
import type { ReplayGap } from './sse-client.types';

describeWithRedis('SseClient against a Redis-backed hub', () => {
  const streamKey = `ops:test:sse-client:${process.pid}:${Date.now()}`;
  const env = { HUB_AUTH: 'off', HUB_RETRY_MS: '50', REDIS_URL, REDIS_STREAM_KEY: streamKey };
  const hubs: RunningHub[] = [];
  let sse: SseClient | undefined;

  afterEach(async () => {
    sse?.close();
    await Promise.all(hubs.splice(0).map((hub) => hub.kill()));
  });

  afterAll(async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.del(streamKey);
    await redis.quit();
  });

  it('replays what was published while its hub was down, from the Last-Event-ID it sends', async () => {
    const [hubA, hubB] = await Promise.all([spawnHub(env), spawnHub(env)]);
    hubs.push(hubA, hubB);
    const client = (sse = new SseClient({ baseUrl: hubA.url, channels: ['inventory'], backoff: { baseMs: 50, maxMs: 200 } }));
    const skus: string[] = [];
    const gaps: ReplayGap[] = [];
    client.on('inventory:update', (envelope) => skus.push(envelope.payload.sku));
    client.onGap((gap) => gaps.push(gap));
    await waitFor(() => client.state === 'open', 'open');
    await publish(hubA.url, [inventoryUpdate('SKU-1', 1)]);
    await waitFor(() => skus.length === 1, 'first event');

    await hubA.kill();
    await waitFor(() => client.state === 'reconnecting', 'reconnecting');
    // Published through the other replica while the client's hub is down.
    const missed = [inventoryUpdate('SKU-2', 2), inventoryUpdate('SKU-3', 3)];
    await publish(hubB.url, missed);
    hubs.push(await spawnHub({ ...env, HUB_PORT: String(hubA.port) }));
    await waitFor(() => skus.length === 3, 'replayed events');

    expect(skus).toEqual(['SKU-1', 'SKU-2', 'SKU-3']);
    expect(client.lastReceivedId).toBe(missed[1].id);
    expect(gaps).toEqual([]);
  });
});
