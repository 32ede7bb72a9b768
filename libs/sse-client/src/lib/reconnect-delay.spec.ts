import { delayAfterRefusal, reconnectDelay } from './reconnect-delay';

/** Many draws, since the jitter is random. */
const draws = (fn: () => number) => Array.from({ length: 500 }, fn);

describe('reconnectDelay', () => {
  it.each([
    // attempt, base, max, lowest, highest
    [1, 1_000, 30_000, 1_000, 1_500],
    [2, 1_000, 30_000, 2_000, 3_000],
    [5, 1_000, 30_000, 16_000, 24_000],
    [6, 1_000, 30_000, 30_000, 30_000],
    [20, 1_000, 30_000, 30_000, 30_000],
  ])('attempt %i from base %i (max %i) waits %i..%i ms', (attempt, baseMs, maxMs, low, high) => {
    const delays = draws(() => reconnectDelay(attempt, { baseMs, maxMs }));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(low);
    expect(Math.max(...delays)).toBeLessThanOrEqual(high);
  });

  it('jitters: not every client waits the same', () => {
    expect(new Set(draws(() => reconnectDelay(3, { baseMs: 1_000, maxMs: 30_000 }))).size).toBeGreaterThan(100);
  });

  it('starts from the hub’s retry: hint instead of baseMs', () => {
    const delays = draws(() => reconnectDelay(1, { baseMs: 10, maxMs: 30_000 }, 3_000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(3_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4_500);
  });

  it('lets a hint above maxMs raise the cap, and a hint of 0 mean at once', () => {
    expect(draws(() => reconnectDelay(4, { maxMs: 1_000 }, 5_000)).every((delay) => delay === 5_000)).toBe(true);
    expect(reconnectDelay(3, {}, 0)).toBe(0);
  });

  it('defaults to 1 s .. 30 s', () => {
    expect(reconnectDelay(1)).toBeGreaterThanOrEqual(1_000);
    expect(reconnectDelay(30)).toBe(30_000);
  });

  it('waits at least a Retry-After the hub sent', () => {
    expect(delayAfterRefusal(1, { baseMs: 10, maxMs: 20 }, undefined, 5_000)).toBe(5_000);
    expect(delayAfterRefusal(1, { baseMs: 10, maxMs: 20 }, undefined, undefined)).toBeLessThanOrEqual(15);
  });
});
