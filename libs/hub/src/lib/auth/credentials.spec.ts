import { bearerToken, cookieValue } from './credentials';
import { SecretMatcher } from './secret-matcher';

describe('credentials', () => {
  it('reads a bearer token and nothing else', () => {
    expect(bearerToken({ authorization: 'Bearer abc.def' })).toBe('abc.def');
    expect(bearerToken({ authorization: 'bearer abc' })).toBe('abc');
    expect(bearerToken({ authorization: 'Basic abc' })).toBeUndefined();
    expect(bearerToken({ authorization: 'Bearer a b' })).toBeUndefined();
    expect(bearerToken({})).toBeUndefined();
  });

  it('reads one cookie', () => {
    expect(
      cookieValue({ cookie: 'a=1; hub_token=x%2Ey; b=2' }, 'hub_token'),
    ).toBe('x.y');
    expect(
      cookieValue({ cookie: 'xhub_token=1' }, 'hub_token'),
    ).toBeUndefined();
    expect(
      cookieValue({ cookie: 'hub_token=%E0%A4%A' }, 'hub_token'),
    ).toBeUndefined();
  });

  it('matches secrets exactly', () => {
    const matcher = new SecretMatcher('s3cret-value');
    expect(matcher.matches('s3cret-value')).toBe(true);
    expect(matcher.matches('s3cret-valuE')).toBe(false);
    expect(matcher.matches('s3cret')).toBe(false);
    expect(matcher.matches(undefined)).toBe(false);
    expect(matcher.matches('')).toBe(false);
  });
});
