import { type ClientRequest, request } from 'node:http';

export interface SseEvent {
  id: string | undefined;
  type: string;
  data: string;
}

/**
 * A subscriber that behaves like a browser's EventSource across replicas: it keeps the id of the
 * last event, and when its stream ends it reconnects (to the next URL in its list, the way a load
 * balancer would send it elsewhere) with `Last-Event-ID`. Records every event in arrival order.
 */
export class SseSubscriber {
  readonly events: SseEvent[] = [];
  lastEventId: string | undefined;
  connections = 0;
  private current: ClientRequest | undefined;
  private closed = false;
  private target: number;

  constructor(
    private readonly urls: () => readonly string[],
    private readonly path: string,
    private readonly headers: () => Record<string, string>,
    start = 0,
    private readonly reconnectDelayMs = 100,
  ) {
    this.target = start;
  }

  /** Events of the given type (default: every non-control event). */
  data(type?: string): SseEvent[] {
    return this.events.filter((event) => (type ? event.type === type : event.id !== undefined));
  }

  /** Opens the stream; resolves once `connected` arrived. */
  open(): Promise<void> {
    return new Promise((resolve) => this.connect(resolve));
  }

  close(): void {
    this.closed = true;
    this.current?.destroy();
  }

  private connect(onConnected?: () => void): void {
    if (this.closed) return;
    const urls = this.urls();
    const base = urls[this.target % urls.length];
    const headers: Record<string, string> = { accept: 'text/event-stream', ...this.headers() };
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    const retry = () => {
      if (this.closed) return;
      this.target += 1;
      setTimeout(() => this.connect(onConnected), this.reconnectDelayMs);
    };
    const req = request(`${base}${this.path}`, { headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        res.on('end', retry);
        return;
      }
      this.connections += 1;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = parseBlock(block);
          if (!event) continue;
          if (event.id !== undefined) this.lastEventId = event.id;
          this.events.push(event);
          if (event.type === 'connected') onConnected?.();
        }
      });
      res.on('end', retry);
      res.on('error', () => undefined);
    });
    req.on('error', retry);
    req.end();
    this.current = req;
  }
}

function parseBlock(block: string): SseEvent | undefined {
  let id: string | undefined;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && id === undefined) return undefined;
  return { id, type, data: data.join('\n') };
}
