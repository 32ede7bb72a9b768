import { EVENT_TYPES } from '@ops/sse-events';
import { EventSource } from 'eventsource';

export interface Received {
  type: string;
  data: { payload?: Record<string, unknown>; source?: Record<string, unknown> } & Record<string, unknown>;
}

/** A real SSE client that records the typed events it receives. */
export class SseSubscriber {
  readonly events: Received[] = [];
  private readonly source: EventSource;

  constructor(url: string) {
    this.source = new EventSource(url);
    for (const type of ['connected', ...EVENT_TYPES]) {
      this.source.addEventListener(type, (event) => this.events.push({ type, data: JSON.parse(event.data) }));
    }
  }

  async waitFor(predicate: (events: Received[]) => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(this.events.map((e) => e.type))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  types(): string[] {
    return this.events.map((e) => e.type).filter((type) => type !== 'connected');
  }

  close(): void {
    this.source.close();
  }
}
