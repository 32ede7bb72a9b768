import { jobIdOf } from '@ops/sse-events';

/**
 * The hub route for `channels`: `/sse/<channel>` for one static channel, `/sse/jobs/<jobId>` for one
 * job channel, `/sse?channels=a,b` for several; `ticket` is added as `?ticket=`.
 */
export function streamUrl(baseUrl: string, channels: readonly string[], ticket?: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const query = new URLSearchParams();
  let path = '/sse';
  if (channels.length === 1) {
    const jobId = jobIdOf(channels[0]);
    path = jobId === undefined ? `/sse/${encodeURIComponent(channels[0])}` : `/sse/jobs/${encodeURIComponent(jobId)}`;
  } else {
    query.set('channels', channels.join(','));
  }
  if (ticket !== undefined) query.set('ticket', ticket);
  const search = query.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

export function ticketUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/sse/tickets`;
}
