import { signQuery } from './unleashed-signature';

// Vectors computed once, outside this code, with:
//   printf '%s' "<query>" | openssl dgst -sha256 -hmac "<key>" -binary | base64
const KEY = 'sandbox-key-0123456789abcdef';

describe('signQuery', () => {
  it.each([
    ['', '/v+RAYlh+Bs4WQockKZIBSuVYrLvXimKl0pAt8hz6a0='],
    ['pageSize=1000', 'WSHkYg1iMWnMcNS5U6tQ6MrWEC2SjBgyOgykAq/2SGs='],
    ['modifiedSince=2026-11-30&pageSize=1000', '/R9VXDGUhkUZvo3U45ihUAPDQH15BkbvJf5v+sJCp1c='],
    ['customerCode=ACME', '1i21UAllcA/HIkXBaYAdEXHIjen+WENK6MB53MSwygI='],
  ])('signs %j with the API key as openssl does', (query, signature) => {
    expect(signQuery(query, KEY)).toBe(signature);
  });

  it('depends on the key', () => {
    expect(signQuery('customerCode=ACME', 'd2hhdCBhIHNlY3JldCBrZXkgdGhpcyBpcw==')).toBe('Y8x84RyxO/mHdY8y8lzUCQoIZTEbeFWS26HzSyeXo6c=');
  });
});
