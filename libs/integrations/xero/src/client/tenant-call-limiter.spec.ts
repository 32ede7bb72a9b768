import { DayLimitReachedError } from './xero-limit.errors';
import { TenantCallLimiter } from './tenant-call-limiter';

describe('TenantCallLimiter', () => {
  it('keeps at most 5 calls in flight for a tenant', async () => {
    const limiter = new TenantCallLimiter('t1', { perMinute: 60, concurrent: 5, perDay: 5000 });
    let inFlight = 0;
    let peak = 0;
    const call = () =>
      limiter.run(async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 10));
        inFlight--;
      });
    await Promise.all(Array.from({ length: 20 }, call));
    expect(peak).toBe(5);
  });

  it('waits when X-MinLimit-Remaining says the minute is spent (the bucket restores one call a second)', async () => {
    const limiter = new TenantCallLimiter('t1', { perMinute: 60, concurrent: 5, perDay: 5000 });
    await limiter.run(async (observe) => observe({ 'x-minlimit-remaining': '0' }));
    const started = Date.now();
    await expect(limiter.run(async () => 'ran')).resolves.toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('stops the tenant once the day is spent, until the reset, without calling', async () => {
    let clock = 0;
    const limiter = new TenantCallLimiter('t1', { perMinute: 60, concurrent: 5, perDay: 5000 }, () => clock);
    const error = limiter.dayLimitBreached(3_600_000);
    expect(error).toBeInstanceOf(DayLimitReachedError);
    expect([error.code, error.retryable]).toEqual(['day_limit', false]);
    const call = jest.fn(async () => 'ran');
    await expect(limiter.run(call)).rejects.toBeInstanceOf(DayLimitReachedError);
    expect(call).not.toHaveBeenCalled();
    clock += 3_600_001;
    await expect(limiter.run(call)).resolves.toBe('ran');
  });

  it('X-DayLimit-Remaining: 0 stops the next call', async () => {
    const limiter = new TenantCallLimiter('t1');
    await limiter.run(async (observe) => observe({ 'x-daylimit-remaining': '0' }));
    await expect(limiter.run(async () => 'ran')).rejects.toBeInstanceOf(DayLimitReachedError);
  });
});
