import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import {
  eventually,
  rawStream,
  sleep,
  startHub,
  type TestHub,
} from '../../test/hub-harness';

describe('connection churn', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({ HUB_AUTH: 'off' });
  });
  afterAll(() => hub.close());

  function heapAfterGc(): number {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  }

  async function cycles(count: number): Promise<void> {
    const concurrency = 20;
    for (let i = 0; i < count; i += concurrency) {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          const { status, socket } = await rawStream(
            hub.url,
            '/sse?channels=sales,inventory,job:churn',
          );
          expect(status).toBe(200);
          socket.destroy();
        }),
      );
    }
  }

  it('leaves no connections and flat memory after 1,000 connect/disconnect cycles', async () => {
    await cycles(200);
    await eventually(() => hub.hub.registry.size === 0);
    const before = heapAfterGc();
    await cycles(1_000);
    await eventually(
      () => hub.hub.registry.size === 0,
      5_000,
      'all connections to close',
    );
    await sleep(100);
    const growth = heapAfterGc() - before;
    expect(hub.hub.stats.snapshot().totalConnections).toBe(1_200);
    expect(hub.hub.registry.channelCounts()).toEqual({});
    expect(growth).toBeLessThan(1_500_000);
  });
});
