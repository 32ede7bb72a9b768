import { streamUrl, ticketUrl } from './stream-url';

describe('streamUrl', () => {
  it.each([
    [['sales'], undefined, 'https://hub.example/sse/sales'],
    [['job:abc-1'], undefined, 'https://hub.example/sse/jobs/abc-1'],
    [['sales', 'job:abc-1'], undefined, 'https://hub.example/sse?channels=sales%2Cjob%3Aabc-1'],
    [['sales'], 'tk_1', 'https://hub.example/sse/sales?ticket=tk_1'],
    [['sales', 'inventory'], 'a+b/c', 'https://hub.example/sse?channels=sales%2Cinventory&ticket=a%2Bb%2Fc'],
  ])('%j with ticket %s -> %s', (channels, ticket, url) => {
    expect(streamUrl('https://hub.example/', channels, ticket)).toBe(url);
  });

  it('keeps a path prefix and puts tickets under /sse/tickets', () => {
    expect(streamUrl('https://app.example/hub', ['admin'])).toBe('https://app.example/hub/sse/admin');
    expect(ticketUrl('https://app.example/hub/')).toBe('https://app.example/hub/sse/tickets');
  });
});
