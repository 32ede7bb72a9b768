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

/** A large `forecast:complete`: `points` forecast days in all, spread over SKUs of at most 175 days. */
function forecastComplete(jobId: string, points: number) {
  const perSku = 175;
  const skus = Math.ceil(points / perSku);
  return createEnvelope(
    'forecast:complete',
    { system: 'forecast', account: 'main', environment: 'sandbox' },
    {
      jobId,
      horizonDays: Math.min(points, perSku),
      historyThrough: '2029-12-31',
      skus: { total: skus, forecast: skus, insufficient_history: 0 },
      forecasts: Array.from({ length: skus }, (_, s) => {
        const days = Math.min(perSku, points - s * perSku);
        return {
          sku: `SKU-BIG-${s}`,
          status: 'ok' as const,
          method: 'ets' as const,
          model: 'ETS(A,N,A)',
          confidence: 'unknown' as const,
          accuracy: { mase: null, relativeMae: null, coverage80: null, coverage95: null, origins: 0, horizon: 7, points: 0, reason: 'test event' },
          history: { from: '2029-01-01', to: '2029-12-31', days: 365 },
          points: Array.from({ length: days }, (_, i) => ({
            date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
            mean: 10 + i,
            lo80: 6,
            hi80: 15 + i,
            lo95: 5,
            hi95: 20 + i,
          })),
        };
      }),
      truncated: false,
      resultPath: `/api/forecast-jobs/${jobId}`,
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
