import { OperationThrottle } from './operation-throttle';

describe('OperationThrottle', () => {
  it('hands out the documented burst at once, then paces at the documented rate', async () => {
    let now = 1_000_000;
    const throttle = new OperationThrottle(() => now);
    // getShipments: burst 30, 2/s.
    for (let i = 0; i < 30; i++) await throttle.acquire('getShipments');
    let done = false;
    const next = throttle.acquire('getShipments').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    now += 500;
    await next;
    expect(done).toBe(true);
  });

  it('adopts x-amzn-RateLimit-Limit, and a 429 empties the bucket for one token time', () => {
    let now = 0;
    const throttle = new OperationThrottle(() => now);
    throttle.reportRate('searchOrders', 0.5);
    expect(throttle.throttled('searchOrders')).toBe(2000);
    now += 1000;
    throttle.reportRate('searchOrders', 1);
    // Half a token came back at 0.5/s; the other half now takes 0.5 s at 1/s.
    expect(throttle.throttled('searchOrders')).toBe(1000);
  });

  it('the refill between sending a request and its answer is not counted', async () => {
    let now = 0;
    const throttle = new OperationThrottle(() => now);
    const first = await throttle.acquire('getInventorySummaries'); // burst 2, 2/s
    await throttle.acquire('getInventorySummaries');
    now += 300; // the first answer arrives 300 ms later
    throttle.settle(first);
    let done = false;
    const third = throttle.acquire('getInventorySummaries').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 0));
    // Without the settle it would have had 0.6 tokens and waited 200 ms; it waits the full 500 ms.
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    await third;
    expect(done).toBe(true);
  });
});
