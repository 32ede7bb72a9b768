import type { NestExpressApplication } from '@nestjs/platform-express';
import { sleep } from '@ops/resilience';
import {
  createEnvelope,
  type Envelope,
  EVENT_TYPES,
  type EventSource as EventSourceInfo,
} from '@ops/sse-events';

import { createHubApp, listenHub } from '../lib/bootstrap/create-hub-app';
import { loadHubConfig } from '../lib/config/hub.config';
import { HubModule } from '../lib/hub.module';
import { EventHub } from '../lib/sse/event-hub';

export { rawStream } from './raw-stream';
/** The one shared `sleep`, re-exported for the hub's int-specs. */
export { sleep };

const { EventSource } = require('eventsource') as typeof import('eventsource');

export const PUBLISHER_TOKEN = 'publisher-token-0123456789';
export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
export const JWT_SECRET = 'jwt-secret-0123456789abcdefghijklmnopqrstuvwxyz';

export interface TestHub {
  url: string;
  app: NestExpressApplication;
  hub: EventHub;
  close(): Promise<void>;
}

/** Starts a real hub on an ephemeral loopback port. `env` overrides the test defaults. */
export async function startHub(
  env: Record<string, string> = {},
): Promise<TestHub> {
  const config = loadHubConfig({
    HUB_PORT: '0',
    HUB_HOST: '127.0.0.1',
    HUB_PUBLISHER_TOKEN: PUBLISHER_TOKEN,
    HUB_ADMIN_TOKEN: ADMIN_TOKEN,
    HUB_JWT_SECRET: JWT_SECRET,
    ...env,
  });
  const app = await createHubApp(HubModule.forRoot(config), {
    logger: false,
    shutdownHooks: false,
  });
  const url = await listenHub(app, config);
  return { url, app, hub: app.get(EventHub), close: () => app.close() };
}

const SOURCE: EventSourceInfo = {
  system: 'unleashed',
  account: 'main',
  environment: 'sandbox',
};

/** A valid `inventory:update` (channel `inventory`). */
export function inventoryUpdate(
  sku: string,
  quantity = 1,
  id?: string,
): Envelope {
  return createEnvelope(
    'inventory:update',
    SOURCE,
    {
      sku,
      quantity,
      previousQuantity: null,
      location: 'main',
      source: 'unleashed',
    },
    { id },
  );
}

/** A valid `amazon:sync_started` (channels `sales` and `inventory`). */
export function amazonStarted(): Envelope {
  return createEnvelope(
    'amazon:sync_started',
    { ...SOURCE, system: 'amazon' },
    { marketplaces: ['uk'] },
  );
}

/** A valid `forecast:progress` (channels `forecast` and `job:{jobId}`). */
export function forecastProgress(jobId: string, progress: number): Envelope {
  return createEnvelope(
    'forecast:progress',
    { ...SOURCE, system: 'forecast' },
    { jobId, progress, stage: 'fitting' },
  );
}

/** POSTs a body to the ingest endpoint as a worker would. */
export async function post(
  url: string,
  path: string,
  body: unknown,
  token: string | null = PUBLISHER_TOKEN,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  };
}

export interface ReceivedEvent {
  type: string;
  id: string;
  data: Record<string, unknown>;
}

const TYPES = ['connected', 'replay_gap', ...EVENT_TYPES];

/** A real `eventsource` client that records every event it receives. */
export class Subscriber {
  readonly events: ReceivedEvent[] = [];
  readonly source: InstanceType<typeof EventSource>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.source = new EventSource(url, {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers ?? {}), ...headers },
        }),
    });
    for (const type of TYPES) {
      this.source.addEventListener(type, (event) => {
        this.events.push({
          type,
          id: event.lastEventId,
          data: JSON.parse(event.data),
        });
      });
    }
  }

  /** Events other than `connected`. */
  get received(): ReceivedEvent[] {
    return this.events.filter((event) => event.type !== 'connected');
  }

  async waitFor(
    predicate: (events: ReceivedEvent[]) => boolean,
    timeoutMs = 5_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out; got ${JSON.stringify(this.events.map((e) => e.type))}`,
        );
      await sleep(10);
    }
  }

  connected(): Promise<void> {
    return this.waitFor((events) =>
      events.some((event) => event.type === 'connected'),
    );
  }

  close(): void {
    this.source.close();
  }
}

/** Waits until `check` returns true, polling every 10 ms. */
export async function eventually(
  check: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
