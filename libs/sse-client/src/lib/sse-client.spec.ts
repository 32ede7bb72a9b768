import { inventoryUpdate } from '../../test/envelopes';
import { hubError, ScriptedFetch } from '../../test/scripted-fetch';
import { waitFor } from '../../test/wait-for';
import { SseClient } from './sse-client';
import type { SseClientOptions } from './sse-client.options';
import type { ConnectionState, ReplayGap } from './sse-client.types';

const BASE = 'http://hub.test';
const QUICK = { baseMs: 5, maxMs: 20 };

describe('SseClient (state machine, scripted fetch)', () => {
  const clients: SseClient[] = [];
  const start = (scripted: ScriptedFetch, options: Partial<SseClientOptions> = {}) => {
    const client = new SseClient({ baseUrl: BASE, channels: ['inventory'], backoff: QUICK, fetch: scripted.fetch, ...options });
    clients.push(client);
    return client;
  };
  const recordStates = (client: SseClient) => {
    const states: ConnectionState[] = [];
    client.onState((state) => states.push(state));
    return states;
  };

  afterEach(() => clients.splice(0).forEach((client) => client.close()));

  it('reconnects after the stream ends, sending Last-Event-ID of the last event and honouring retry:', async () => {
    const scripted = new ScriptedFetch(() => 'stream');
    const client = start(scripted);
    const states = recordStates(client);
    await waitFor(() => scripted.streams.length === 1 && client.state === 'open', 'first stream');
    const [first, second] = [inventoryUpdate('SKU-1', 1), inventoryUpdate('SKU-2', 2)];
    scripted.streams[0].write('retry: 1\n\n');
    scripted.streams[0].event('connected', { clientId: 'c1', channels: ['inventory'] });
    scripted.streams[0].event(first.type, first, first.id);
    scripted.streams[0].write(':\n\n');
    scripted.streams[0].event(second.type, second, second.id);
    scripted.streams[0].event('auth_expired', { expiredAt: new Date().toISOString() });
    await waitFor(() => client.lastReceivedId === second.id, 'second event');
    scripted.streams[0].end();
    await waitFor(() => scripted.streams.length === 2 && client.state === 'open', 'second stream');

    expect(scripted.streamRequests.map((request) => request.headers.get('last-event-id'))).toEqual([null, second.id]);
    expect(scripted.streamRequests[0].headers.get('accept')).toBe('text/event-stream');
    expect(states).toEqual(['open', 'reconnecting', 'open']);
  });

  it('retries 5xx and network errors, and closes on a 4xx without retrying', async () => {
    const answers = [hubError(503, 'the hub is shutting down', { 'retry-after': '0' }), 'stream' as const];
    const scripted = new ScriptedFetch((_request, index) => answers[index] ?? hubError(404, 'unknown channel "x"'));
    const client = start(scripted);
    const states = recordStates(client);
    await waitFor(() => client.state === 'open', 'open after the 503');
    scripted.streams[0].fail();
    await waitFor(() => client.state === 'closed', 'closed by the 404');

    expect(states).toEqual(['reconnecting', 'open', 'reconnecting', 'closed']);
    expect(client.failure).toEqual({ status: 404, message: '404: unknown channel "x"' });
    expect(scripted.requests).toHaveLength(3);
  });

  it('with ticket auth fetches a fresh ticket once when the stream refuses the ticket, then gives up', async () => {
    let tickets = 0;
    const scripted = new ScriptedFetch((request) =>
      request.method === 'POST'
        ? new Response(JSON.stringify({ ticket: `t${++tickets}`, expiresAt: new Date().toISOString() }), { status: 201 })
        : hubError(401, 'ticket is invalid, expired or already used'),
    );
    const client = start(scripted, { getToken: async () => 'jwt-1' });
    await waitFor(() => client.state === 'closed', 'closed');

    expect(scripted.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      'POST /sse/tickets',
      'GET /sse/inventory?ticket=t1',
      'POST /sse/tickets',
      'GET /sse/inventory?ticket=t2',
    ]);
    expect(scripted.requests[0].headers.get('authorization')).toBe('Bearer jwt-1');
    expect(client.failure).toEqual({ status: 401, message: '401: ticket is invalid, expired or already used' });
  });

  it('keeps retrying while getToken fails (the token service may be down)', async () => {
    const scripted = new ScriptedFetch((request) => (request.method === 'POST' ? new Response(JSON.stringify({ ticket: 't' }), { status: 201 }) : 'stream'));
    let calls = 0;
    const client = start(scripted, {
      getToken: async () => {
        if (++calls < 3) throw new Error('auth service unavailable');
        return 'jwt';
      },
    });
    const states = recordStates(client);
    await waitFor(() => client.state === 'open', 'open');
    expect(calls).toBe(3);
    expect(states).toEqual(['reconnecting', 'open']);
  });

  it('reports a gap when it reconnects with no event id to resume from', async () => {
    const scripted = new ScriptedFetch(() => 'stream');
    const client = start(scripted);
    const gaps: ReplayGap[] = [];
    client.onGap((gap) => gaps.push(gap));
    await waitFor(() => client.state === 'open', 'open');
    scripted.streams[0].fail();
    await waitFor(() => scripted.streams.length === 2 && client.state === 'open', 'reopened');
    expect(gaps).toEqual([{ reason: 'no_resume_point' }]);
  });

  it('reconnects with the union when channels are added, and narrows again when removed', async () => {
    const scripted = new ScriptedFetch(() => 'stream');
    const client = start(scripted);
    await waitFor(() => client.state === 'open', 'open');
    const envelope = inventoryUpdate('SKU-1', 1);
    scripted.streams[0].event(envelope.type, envelope, envelope.id);
    await waitFor(() => client.lastReceivedId === envelope.id, 'event');

    const unsubscribe = client.subscribe(['job:j-1', 'inventory']);
    await waitFor(() => scripted.streams.length === 2 && client.state === 'open', 'widened');
    unsubscribe();
    unsubscribe();
    await waitFor(() => scripted.streams.length === 3 && client.state === 'open', 'narrowed');

    expect(scripted.streamRequests.map((r) => `${r.url.pathname}${decodeURIComponent(r.url.search)}`)).toEqual([
      '/sse/inventory',
      '/sse?channels=inventory,job:j-1',
      '/sse/inventory',
    ]);
    expect(scripted.streamRequests[1].headers.get('last-event-id')).toBe(envelope.id);
    expect(client.channels).toEqual(['inventory']);
    expect(() => client.subscribe(['nope'])).toThrow(new TypeError('unknown channel "nope"'));
  });

  it('delivers an event id once even when a replay repeats it', async () => {
    const scripted = new ScriptedFetch(() => 'stream');
    const client = start(scripted);
    const ids: string[] = [];
    client.on('inventory:update', (envelope) => ids.push(envelope.id));
    await waitFor(() => client.state === 'open', 'open');
    const [a, b] = [inventoryUpdate('SKU-1', 1), inventoryUpdate('SKU-2', 2)];
    scripted.streams[0].event(a.type, a, a.id);
    scripted.streams[0].event(a.type, a, a.id);
    scripted.streams[0].event(b.type, b, b.id);
    await waitFor(() => client.lastReceivedId === b.id, 'b');
    expect(ids).toEqual([a.id, b.id]);
  });

  it('treats a silent stream as dead and reconnects', async () => {
    const scripted = new ScriptedFetch(() => 'stream');
    const client = start(scripted, { idleTimeoutMs: 30 });
    const states = recordStates(client);
    await waitFor(() => scripted.streams.length >= 2, 'a second stream after the silence');
    expect(states.slice(0, 3)).toEqual(['open', 'reconnecting', 'open']);
  });

  it('close() stops for good, with no failure', async () => {
    const scripted = new ScriptedFetch(() => 'stream');
    const client = start(scripted);
    const states = recordStates(client);
    await waitFor(() => client.state === 'open', 'open');
    client.close();
    client.close();
    client.subscribe(['sales']);
    expect(states).toEqual(['open', 'closed']);
    expect(client.failure).toBeUndefined();
    expect(scripted.requests).toHaveLength(1);
  });
});
