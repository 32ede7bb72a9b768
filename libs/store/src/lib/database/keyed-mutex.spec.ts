import { KeyedMutex } from './keyed-mutex';

describe('KeyedMutex', () => {
  it('refuses a held key at once and frees it when the holder settles', async () => {
    const mutex = new KeyedMutex();
    let release = () => undefined as void;
    const held = mutex.tryRun('k', () => new Promise<string>((resolve) => (release = () => resolve('done'))));
    expect(mutex.isHeld('k')).toBe(true);
    expect(await mutex.tryRun('k', async () => 'second')).toEqual({ acquired: false });
    expect(await mutex.tryRun('other', async () => 'other')).toEqual({ acquired: true, value: 'other' });
    release();
    expect(await held).toEqual({ acquired: true, value: 'done' });
    expect(mutex.isHeld('k')).toBe(false);
  });

  it('frees the key when the callback rejects', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.tryRun('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(mutex.isHeld('k')).toBe(false);
  });
});
