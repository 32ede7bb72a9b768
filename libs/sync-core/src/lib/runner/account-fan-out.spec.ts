import { AuthRevokedError, TransientError } from '@ops/resilience';

import { fanOutStatus, forEachAccount } from './account-fan-out';

describe('forEachAccount', () => {
  it('lets each account fail on its own and reports each failure once, secrets stripped', async () => {
    const reported: unknown[] = [];
    const outcomes = await forEachAccount(
      ['uk', 'eu', 'us'],
      async (account) => {
        if (account === 'eu') throw new AuthRevokedError('GET https://eu.example/x?api-auth-signature=abc123 -> 403');
        if (account === 'us') throw new TransientError('503 from us', 'HTTP_503');
        return account.toUpperCase();
      },
      { onFailure: async (account, error, retryable) => void reported.push({ account, error, retryable }) },
    );
    expect(outcomes).toEqual([
      { account: 'uk', status: 'succeeded', value: 'UK' },
      { account: 'eu', status: 'failed', error: { code: 'AUTH_REVOKED', message: 'GET https://eu.example/x?api-auth-signature=[REDACTED] -> 403' }, retryable: false },
      { account: 'us', status: 'failed', error: { code: 'HTTP_503', message: '503 from us' }, retryable: true },
    ]);
    expect(reported).toEqual([
      { account: 'eu', error: outcomes[1].status === 'failed' ? outcomes[1].error : undefined, retryable: false },
      { account: 'us', error: { code: 'HTTP_503', message: '503 from us' }, retryable: true },
    ]);
    expect(fanOutStatus(outcomes)).toBe('partial');
  });

  it('rethrows a shutdown after every account settled, without reporting the stopped ones', async () => {
    const controller = new AbortController();
    const reported: string[] = [];
    const settled: string[] = [];
    const run = forEachAccount(
      ['uk', 'eu'],
      async (account) => {
        await new Promise((resolve) => setTimeout(resolve, account === 'uk' ? 10 : 60));
        settled.push(account);
        controller.signal.throwIfAborted();
        return account;
      },
      { signal: controller.signal, onFailure: async (account) => void reported.push(account) },
    );
    setTimeout(() => controller.abort(new Error('shutting down')), 30);
    await expect(run).rejects.toThrow('shutting down');
    expect(settled).toEqual(['uk', 'eu']);
    expect(reported).toEqual([]);
  });

  it('derives the run status from the outcomes', () => {
    expect(fanOutStatus([])).toBe('succeeded');
    expect(fanOutStatus([{ status: 'succeeded' }, { status: 'succeeded' }])).toBe('succeeded');
    expect(fanOutStatus([{ status: 'failed' }, { status: 'failed' }])).toBe('failed');
  });
});
