import { redactCredentials } from './redact-credentials';
import { REDACTED } from './redact-paths';

describe('redactCredentials', () => {
  it.each([
    [{ token: 'a', count: 1 }, { token: REDACTED, count: 1 }],
    [{ a: [{ b: [{ client_secret: 's' }] }] }, { a: [{ b: [{ client_secret: REDACTED }] }] }],
    [{ headers: { Authorization: 'Bearer x', 'X-Shopify-Access-Token': 'shpat_x' } }, { headers: { Authorization: REDACTED, 'X-Shopify-Access-Token': REDACTED } }],
    [{ credentialState: { accessToken: 'a', refreshToken: 'r' } }, { credentialState: REDACTED }],
    [{ secret: null }, { secret: REDACTED }],
    [{ token: undefined }, { token: undefined }],
    ['token', 'token'],
    [42, 42],
  ])('%j -> %j', (input, expected) => {
    expect(redactCredentials(input)).toEqual(expected);
  });

  it('returns the same reference when there is nothing to redact, a copy otherwise', () => {
    const clean = { store: 'uk', counters: { orders: 2 } };
    expect(redactCredentials(clean)).toBe(clean);

    const dirty = { store: 'uk', counters: { orders: 2 }, auth: { apiKey: 'k' } };
    const redacted = redactCredentials(dirty);
    expect(redacted).not.toBe(dirty);
    expect(redacted.counters).toBe(dirty.counters);
    expect(dirty.auth.apiKey).toBe('k');
  });

  it('does not enter class instances (errors, requests): serializers and REDACTED_PATHS cover them', () => {
    const error = Object.assign(new Error('boom'), { token: 't' });
    expect(redactCredentials({ err: error }).err).toBe(error);
  });

  it('stops at ten levels, which also ends a cycle', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(() => redactCredentials(cyclic)).not.toThrow();

    let deep: Record<string, unknown> = { token: 'deep-value' };
    for (let level = 0; level < 11; level += 1) deep = { deeper: deep };
    expect(JSON.stringify(redactCredentials(deep))).toContain('deep-value');
  });
});
