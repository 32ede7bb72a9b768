import { createEnvelope } from '@ops/sse-events';

import {
  eventually,
  post,
  rawStream,
  sleep,
  startHub,
  Subscriber,
  type TestHub,
} from '../../test/hub-harness';

function forecastComplete(jobId: string, points: number) {
  return createEnvelope(
    'forecast:complete',
    { system: 'forecast', account: 'main', environment: 'sandbox' },
    {
      jobId,
      confidence: 0.8,
      accuracy: null,
      forecast: [
        {
          sku: 'SKU-BIG',
          horizonDays: points,
          points: Array.from({ length: points }, (_, i) => ({
            date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
            quantity: 10 + i,
            lower: 5,
            upper: 20 + i,
          })),
        },
      ],
    },
  );
}

describe('backpressure', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({
      HUB_AUTH: 'off',
      HUB_MAX_BUFFER_BYTES: '1048576',
      HUB_MAX_BODY_BYTES: '10485760',
    });
  });
  afterAll(() => hub.close());

  it('cuts off a client that never reads while a normal client keeps receiving everything', async () => {
    const { socket: stuck } = await rawStream(hub.url, '/sse/forecast');
    stuck.pause();
    const normal = new Subscriber(`${hub.url}/sse/forecast`);
    await normal.connected();
    let sent = 0;
    for (
      let batch = 0;
      batch < 200 && hub.hub.stats.snapshot().slowClientsDropped === 0;
      batch++
    ) {
      const events = Array.from({ length: 5 }, (_, i) =>
        forecastComplete(`job-${batch}-${i}`, 700),
      );
      expect((await post(hub.url, '/events', events)).status).toBe(202);
      sent += events.length;
      await sleep(5);
    }
    expect(hub.hub.stats.snapshot().slowClientsDropped).toBe(1);
    await eventually(
      () =>
        stuck.destroyed || stuck.readableEnded || hub.hub.registry.size === 1,
    );
    const last = forecastComplete('after-drop', 10);
    await post(hub.url, '/events', last);
    await normal.waitFor(
      (events) => events.some((e) => e.id === last.id),
      15_000,
    );
    expect(normal.received).toHaveLength(sent + 1);
    expect(hub.hub.registry.size).toBe(1);
    normal.close();
    stuck.destroy();
  });
});
