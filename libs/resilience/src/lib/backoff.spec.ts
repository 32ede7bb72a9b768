import { backoffDelay, retryAfterMs } from './backoff';

describe('backoffDelay', () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
  ])('attempt %i waits its exponential delay plus at most 50%% jitter', (attempt, base) => {
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(attempt, 100, 60_000);
      expect(delay).toBeGreaterThanOrEqual(base);
      expect(delay).toBeLessThan(base * 1.5);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });

  it('never exceeds the cap, jitter included', () => {
    for (let i = 0; i < 50; i++) expect(backoffDelay(20, 100, 5_000)).toBe(5_000);
  });

  it('spreads retries that start together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(5, 1_000, 60_000)));
    expect(delays.size).toBeGreaterThan(1);
  });

  it('adds no jitter to delays too small to split', () => {
    expect(backoffDelay(1, 1, 1_000)).toBe(1);
    expect(backoffDelay(1, 0, 1_000)).toBe(0);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it.each([
    ['2', 2_000],
    ['2.0', 2_000],
    ['0', 0],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:59:00 GMT', 0],
  ])('reads %p as %i ms', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });

  it.each([null, undefined, '', 'soon', '-3'])('answers undefined for %p', (header) => {
    expect(retryAfterMs(header, now)).toBeUndefined();
  });
});
