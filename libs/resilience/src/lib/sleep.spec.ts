import { sleep } from './sleep';

describe('sleep', () => {
  afterEach(() => jest.useRealTimers());

  it('resolves after the given time', async () => {
    const started = Date.now();
    await sleep(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it.each([0, -5, Number.NaN])('resolves at once for %p ms, without a timer', async (ms) => {
    jest.useFakeTimers();
    const done = sleep(ms);
    expect(jest.getTimerCount()).toBe(0);
    await expect(done).resolves.toBeUndefined();
  });

  it('rejects with the abort reason and clears its timer when the signal aborts', async () => {
    jest.useFakeTimers();
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const done = sleep(60_000, controller.signal);
    expect(jest.getTimerCount()).toBe(1);
    controller.abort(reason);
    await expect(done).rejects.toBe(reason);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted, whatever the delay', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(60_000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(sleep(0, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops listening to the signal once it has resolved', async () => {
    const controller = new AbortController();
    const remove = jest.spyOn(controller.signal, 'removeEventListener');
    await sleep(1, controller.signal);
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    controller.abort();
  });
});
