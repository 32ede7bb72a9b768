import { ChannelGrants } from './channel-grants';

describe('ChannelGrants', () => {
  it.each([
    [['sales'], 'sales', true],
    [['sales'], 'salesx', false],
    [['job:*'], 'job:abc', true],
    [['job:*'], 'sales', false],
    [['*'], 'job:abc', true],
    [['job:a*'], 'job:abc', true],
    [[], 'sales', false],
  ])('%j covers %s: %s', (patterns, channel, expected) => {
    expect(new ChannelGrants(patterns).covers(channel)).toBe(expected);
  });

  it('names the first uncovered channel', () => {
    expect(
      new ChannelGrants(['sales']).firstUncovered(['sales', 'admin', 'x']),
    ).toBe('admin');
    expect(ChannelGrants.all().firstUncovered(['admin'])).toBeUndefined();
  });
});
