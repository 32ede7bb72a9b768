/** One request the client made. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
}

/** An open SSE response the test writes frames to. */
export class ScriptedStream {
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly encoder = new TextEncoder();
  readonly response: Response;

  constructor() {
    const body = new ReadableStream<Uint8Array>({ start: (controller) => (this.controller = controller) });
    this.response = new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }

  write(text: string): void {
    this.controller.enqueue(this.encoder.encode(text));
  }

  /** Writes an event frame the way the hub encodes it. */
  event(type: string, data: unknown, id?: string): void {
    this.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the stream as the hub does when it closes the connection. */
  end(): void {
    this.settle(() => this.controller.close());
  }

  /** Cuts the stream as a network failure does. */
  fail(): void {
    this.settle(() => this.controller.error(new TypeError('terminated')));
  }

  private settled = false;

  private settle(action: () => void): void {
    if (this.settled) return;
    this.settled = true;
    action();
  }
}

/**
 * A `fetch` for unit specs of the client's state machine: each request is recorded and answered by
 * `answer` (the int-specs run the real hub). A stream answer is kept in `streams`.
 */
export class ScriptedFetch {
  readonly requests: RecordedRequest[] = [];
  readonly streams: ScriptedStream[] = [];

  constructor(private readonly answer: (request: RecordedRequest, index: number) => Response | 'stream') {}

  readonly fetch: typeof fetch = async (input, init) => {
    const request = { method: init?.method ?? 'GET', url: new URL(String(input)), headers: new Headers(init?.headers) };
    this.requests.push(request);
    const answer = this.answer(request, this.requests.length - 1);
    if (answer !== 'stream') return answer;
    const stream = new ScriptedStream();
    this.streams.push(stream);
    init?.signal?.addEventListener('abort', () => stream.fail(), { once: true });
    return stream.response;
  };

  /** Requests to stream routes (not `/sse/tickets`). */
  get streamRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.method === 'GET');
  }
}

/** The hub's JSON error body. */
export function hubError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ statusCode: status, error: 'x', message }), { status, headers: { 'content-type': 'application/json', ...headers } });
}
