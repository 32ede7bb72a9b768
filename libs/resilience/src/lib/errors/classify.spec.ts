import { classifyHttpStatus, classifyNetworkError } from './classify';
import {
  AuthRevokedError,
  isRetryable,
  RateLimitedError,
  RequestRejectedError,
  TransientError,
} from './sync-errors';

const what = 'GET https://acme.example/orders.json';

describe('classifyHttpStatus', () => {
  it.each([200, 204, 304])('answers undefined for %i (not a failure)', (status) => {
    expect(classifyHttpStatus(status, { what })).toBeUndefined();
  });

  it.each([
    [429, RateLimitedError, 'RATE_LIMITED', true],
    [401, AuthRevokedError, 'AUTH_REVOKED', false],
    [403, AuthRevokedError, 'AUTH_REVOKED', false],
    [400, RequestRejectedError, 'HTTP_400', false],
    [404, RequestRejectedError, 'HTTP_404', false],
    [422, RequestRejectedError, 'HTTP_422', false],
    [500, TransientError, 'HTTP_500', true],
    [502, TransientError, 'HTTP_502', true],
    [503, TransientError, 'HTTP_503', true],
  ])('classifies HTTP %i', (status, errorClass, code, retryable) => {
    const error = classifyHttpStatus(status, { what });
    expect(error).toBeInstanceOf(errorClass);
    expect(error?.code).toBe(code);
    expect(isRetryable(error)).toBe(retryable);
  });

  it('honours Retry-After on 429 and 503, in seconds or as a date', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    expect((classifyHttpStatus(429, { retryAfter: '2.0' }) as RateLimitedError).retryAfterMs).toBe(2_000);
    expect((classifyHttpStatus(429, { retryAfter: null }) as RateLimitedError).retryAfterMs).toBeUndefined();
    const dated = classifyHttpStatus(503, { retryAfter: 'Sat, 01 Mar 2025 12:00:05 GMT', now }) as TransientError;
    expect(dated.retryAfterMs).toBe(5_000);
  });

  it('keeps the status on a rejected request and the detail in 4xx messages only', () => {
    const rejected = classifyHttpStatus(422, { what, detail: '{"errors":{"limit":["must be <= 250"]}}' }) as RequestRejectedError;
    expect(rejected.status).toBe(422);
    expect(rejected.message).toBe(`${what}: HTTP 422 {"errors":{"limit":["must be <= 250"]}}`);
    expect(classifyHttpStatus(503, { what, detail: '<html>down</html>' })?.message).toBe(`${what}: HTTP 503`);
    expect(classifyHttpStatus(502)?.message).toBe('HTTP 502');
  });
});

describe('classifyNetworkError', () => {
  it('calls a timeout or an abort a transient TIMEOUT', () => {
    expect(classifyNetworkError(new DOMException('The operation timed out.', 'TimeoutError'), what)).toMatchObject({
      code: 'TIMEOUT',
      message: `${what}: timed out`,
    });
    expect(classifyNetworkError(new DOMException('This operation was aborted', 'AbortError')).code).toBe('TIMEOUT');
  });

  it('uses the socket error code when fetch gives one', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const error = classifyNetworkError(refused);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', message: 'network error ECONNREFUSED' });
  });

  it('falls back to NETWORK with the error message', () => {
    expect(classifyNetworkError(new TypeError('fetch failed'), what)).toMatchObject({
      code: 'NETWORK',
      message: `${what}: network error: fetch failed`,
    });
    expect(classifyNetworkError('odd').message).toBe('network error: odd');
  });
});
