/** A signal that aborts when `outer` does or after `timeoutMs`; `clear()` stops the timer. */
export function timedSignal(outer: AbortSignal, timeoutMs: number, reason: string): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer.reason);
  if (outer.aborted) onAbort();
  else outer.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new Error(reason)), timeoutMs);
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      outer.removeEventListener('abort', onAbort);
    },
  };
}
