import { AuthRevokedError, MalformedResponseError, RateLimitedError, TransientError } from './errors/sync-errors';
import { withRetry } from './retry';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 5_000 };

function scripted(outcomes: (Error | string)[]) {
  const calls: number[] = [];
  const operation = async (attempt: number) => {
    calls.push(attempt);
    const next = outcomes.shift();
    if (next instanceof Error) throw next;
    return next;
  };
  return { operation, calls };
}

describe('withRetry', () => {
  it('waits exactly what a rate-limited API asked, then succeeds', async () => {
    const waits: number[] = [];
    const { operation, calls } = scripted([new RateLimitedError('429', 2_000), new RateLimitedError('429', 1_500), 'ok']);
    const result = await withRetry(operation, policy, { sleep: async (ms) => void waits.push(ms) });
    expect(result).toBe('ok');
    expect(calls).toEqual([1, 2, 3]);
    expect(waits).toEqual([2_000, 1_500]);
  });

  it('caps an unreasonable Retry-After at maxDelayMs', async () => {
    const waits: number[] = [];
    const { operation } = scripted([new RateLimitedError('429', 3_600_000), 'ok']);
    await withRetry(operation, policy, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([5_000]);
  });

  it('backs off exponentially (with bounded jitter) on transient failures', async () => {
    const waits: number[] = [];
    const { operation } = scripted([new TransientError('503'), new TransientError('503'), new TransientError('reset'), 'ok']);
    await withRetry(operation, policy, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toHaveLength(3);
    [100, 200, 400].forEach((base, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(base);
      expect(waits[i]).toBeLessThan(base * 1.5);
    });
  });

  it.each([
    ['auth revoked', new AuthRevokedError('401')],
    ['malformed response', new MalformedResponseError('bad JSON')],
    ['an unknown error (a bug)', new TypeError('x is undefined')],
  ])('never retries %s', async (_label, error) => {
    const { operation, calls } = scripted([error, 'ok']);
    await expect(withRetry(operation, policy, { sleep: async () => undefined })).rejects.toBe(error);
    expect(calls).toEqual([1]);
  });

  it('rethrows the last failure after maxAttempts', async () => {
    const last = new TransientError('still down');
    const { operation, calls } = scripted([new TransientError('1'), new TransientError('2'), new TransientError('3'), last]);
    await expect(withRetry(operation, policy, { sleep: async () => undefined })).rejects.toBe(last);
    expect(calls).toEqual([1, 2, 3, 4]);
  });

  it('waits what a 503 asked with Retry-After, like a rate limit', async () => {
    const waits: number[] = [];
    const { operation } = scripted([new TransientError('HTTP 503', 'HTTP_503', 1_200), 'ok']);
    await withRetry(operation, policy, { sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([1_200]);
  });

  it('reports each wait to onRetry before waiting', async () => {
    const seen: { attempt: number; delayMs: number; code: string }[] = [];
    const { operation } = scripted([new RateLimitedError('429', 300), 'ok']);
    await withRetry(operation, policy, {
      sleep: async () => undefined,
      onRetry: ({ attempt, delayMs, error }) => seen.push({ attempt, delayMs, code: (error as RateLimitedError).code }),
    });
    expect(seen).toEqual([{ attempt: 1, delayMs: 300, code: 'RATE_LIMITED' }]);
  });
});

describe('withRetry with an abort signal', () => {
  it('stops a waiting retry at once and rethrows the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const { operation, calls } = scripted([new RateLimitedError('429', 60_000), 'ok']);
    const started = Date.now();
    const outcome = withRetry(operation, { ...policy, maxDelayMs: 60_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(outcome).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls).toEqual([1]);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already stopped'));
    const { operation, calls } = scripted(['ok']);
    await expect(withRetry(operation, policy, { signal: controller.signal })).rejects.toThrow('already stopped');
    expect(calls).toEqual([]);
  });

  it('does not retry a failure once aborted, even with a wait that ignores the signal', async () => {
    const controller = new AbortController();
    const operation = async (attempt: number) => {
      if (attempt === 1) controller.abort(new Error('stop'));
      throw new TransientError('reset');
    };
    await expect(withRetry(operation, policy, { signal: controller.signal, sleep: async () => undefined })).rejects.toThrow('stop');
  });
});
