import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  it('reports repeats within the window and forgets the oldest beyond it', () => {
    const ids = new RecentIds(2);
    expect(ids.add('a')).toBe(true);
    expect(ids.add('a')).toBe(false);
    expect(ids.add('b')).toBe(true);
    expect(ids.add('c')).toBe(true);
    expect(ids.has('a')).toBe(false);
    expect(ids.add('a')).toBe(true);
  });
});
