import { createEventId } from './event-id';

const ID = /^[0-9a-f]{12}-[0-9a-f]{6}-[0-9a-f]{8}$/;

describe('createEventId', () => {
  it('has the form <ms, 12 hex>-<sequence, 6 hex>-<process tag, 8 hex>', () => {
    const id = createEventId(Date.UTC(2030, 0, 1));
    expect(id).toMatch(ID);
    expect(id.slice(0, 12)).toBe(Date.UTC(2030, 0, 1).toString(16).padStart(12, '0'));
  });

  it('counts on within one millisecond and when the clock steps back', () => {
    const at = Date.UTC(2031, 0, 1);
    const ids = [createEventId(at), createEventId(at), createEventId(at - 5_000), createEventId(at + 1)];
    expect(ids.map((id) => id.split('-')[1])).toEqual(['000000', '000001', '000002', '000000']);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps one process tag per module load, drawn from the Web Crypto API', () => {
    const getRandomValues = jest
      .spyOn(globalThis.crypto, 'getRandomValues')
      .mockImplementation((array) => (array instanceof Uint8Array ? (array.set([0xde, 0xad, 0x0b, 0x0e]), array) : array));
    try {
      jest.isolateModules(() => {
        const { createEventId: fresh } = jest.requireActual<typeof import('./event-id')>('./event-id');
        expect([fresh(1), fresh(2), fresh(2)].map((id) => id.split('-')[2])).toEqual(['dead0b0e', 'dead0b0e', 'dead0b0e']);
      });
      expect(getRandomValues).toHaveBeenCalledTimes(1);
    } finally {
      getRandomValues.mockRestore();
    }
  });
});
