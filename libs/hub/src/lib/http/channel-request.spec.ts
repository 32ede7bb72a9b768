import {
  channelList,
  jobStreamChannel,
  lastEventIdOf,
  singleChannel,
} from './channel-request';
import { HubHttpException } from './hub-http.exception';

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as HubHttpException).getStatus();
  }
}

describe('channel requests', () => {
  it('accepts static and job channels', () => {
    expect(singleChannel('sales')).toEqual(['sales']);
    expect(singleChannel('job:abc-1')).toEqual(['job:abc-1']);
    expect(jobStreamChannel('abc_1')).toEqual(['job:abc_1']);
  });

  it('dedupes a list keeping order and joins repeated parameters', () => {
    expect(channelList('sales, inventory,sales')).toEqual([
      'sales',
      'inventory',
    ]);
    expect(channelList(['sales', 'admin'])).toEqual(['sales', 'admin']);
  });

  it.each([
    [() => singleChannel('nope'), 404],
    [() => singleChannel('bad channel'), 400],
    [() => jobStreamChannel('x'.repeat(65)), 404],
    [() => channelList(undefined), 400],
    [() => channelList('sales,'), 400],
    [() => channelList({ a: 1 }), 400],
  ])('refuses bad input (%#) with %i', (fn, status) => {
    expect(statusOf(fn)).toBe(status);
  });

  it('prefers the Last-Event-ID header and neutralises odd ids', () => {
    expect(lastEventIdOf('h-1', 'q-1')).toBe('h-1');
    expect(lastEventIdOf(undefined, 'q-1')).toBe('q-1');
    expect(lastEventIdOf('', undefined)).toBeUndefined();
    expect(lastEventIdOf('a b\n', undefined)).toBe('a_b_');
  });
});
