import { describeHttpError } from './http-error';

describe('describeHttpError', () => {
  it.each([
    ['a NestJS error body', '{"statusCode":503,"message":"store unavailable","error":"Service Unavailable"}', '/api/sales answered HTTP 503 Service Unavailable: store unavailable'],
    ['a list of messages', '{"message":["a","b"]}', '/api/sales answered HTTP 503 Service Unavailable: a; b'],
    ['a plain text body', 'upstream timed out', '/api/sales answered HTTP 503 Service Unavailable: upstream timed out'],
    ['an empty body', '', '/api/sales answered HTTP 503 Service Unavailable'],
  ])('describes %s', (_case, body, expected) => {
    expect(describeHttpError('/api/sales', 503, 'Service Unavailable', body)).toBe(expected);
  });

  it('cuts a long body', () => {
    expect(describeHttpError('/api/x', 500, '', 'x'.repeat(300))).toBe(`/api/x answered HTTP 500: ${'x'.repeat(200)}…`);
  });
});
