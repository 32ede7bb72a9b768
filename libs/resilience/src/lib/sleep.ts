/**
 * Resolves after `ms` milliseconds; at once when `ms` is zero, negative or not a number.
 * If `signal` aborts first (or is already aborted, whatever `ms`), the timer is cleared and the
 * promise rejects with `signal.reason`. The listener it adds to `signal` is removed either way.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (!(ms > 0)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
