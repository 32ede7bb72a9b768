import type { IncomingMessage } from 'node:http';

import { isEventStreamRequest, redactUrl } from './http-logging';

describe('redactUrl', () => {
  it.each([
    ['/orders', '/orders'],
    ['/orders?store=uk', '/orders?store=uk'],
    ['/sse/sales?ticket=abc123', '/sse/sales?ticket=[REDACTED]'],
    ['/sse?channels=sales,dashboard&token=eyJ.x.y', '/sse?channels=sales,dashboard&token=[REDACTED]'],
    ['/callback?code=4/0Ab&state=s1', '/callback?code=[REDACTED]&state=s1'],
    ['/x?ACCESS_TOKEN=a&api%5Fkey=b&apikey=c', '/x?ACCESS_TOKEN=[REDACTED]&api%5Fkey=[REDACTED]&apikey=[REDACTED]'],
    ['/x?%E0%A4%A=1&flag', '/x?%E0%A4%A=1&flag'],
  ])('%s -> %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('isEventStreamRequest', () => {
  const request = (method: string, url: string, accept?: string) =>
    ({ method, url, originalUrl: url, headers: accept ? { accept } : {} }) as IncomingMessage & { originalUrl: string };

  it.each([
    ['GET', '/sse/sales', undefined, true],
    ['GET', '/sse', undefined, true],
    ['GET', '/sse?channels=sales,dashboard', undefined, true],
    ['GET', '/sse/jobs/job-1', undefined, true],
    ['GET', '/api/things', 'text/event-stream', true],
    ['POST', '/sse/admin/broadcast', undefined, false],
    ['GET', '/ssE-like', undefined, false],
    ['GET', '/sservice', undefined, false],
    ['GET', '/health', 'application/json', false],
  ])('%s %s (Accept %s) -> %s', (method, url, accept, expected) => {
    expect(isEventStreamRequest(request(method, url, accept))).toBe(expected);
  });
});
