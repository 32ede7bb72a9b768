import type { Envelope } from '@ops/sse-events';
import { SignJWT } from 'jose';

import { forecastProgress, inventoryUpdate } from '../../test/envelopes';
import { AUTH_ON, JWT_SECRET, publish, type RunningHub, spawnHub } from '../../test/spawn-hub';
import { waitFor } from '../../test/wait-for';
import { SseClient } from './sse-client';
import type { ConnectionState, ReplayGap } from './sse-client.types';

/** A subscriber JWT as an auth service would mint it: HS256, `channels` claim, `exp`. */
function signToken(channels: string[]): Promise<string> {
  return new SignJWT({ channels }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
}

/** Fast reconnects: the hub's `retry:` hint is the backoff base. */
const QUICK = { HUB_AUTH: 'off', HUB_RETRY_MS: '50', HUB_HEARTBEAT_MS: '1000' };

describe('SseClient against the real hub', () => {
  const hubs: RunningHub[] = [];
  const clients: SseClient[] = [];
  const start = async (env: Record<string, string>) => {
    const hub = await spawnHub(env);
    hubs.push(hub);
    return hub;
  };
  const client = (...args: ConstructorParameters<typeof SseClient>) => {
    const created = new SseClient(...args);
    clients.push(created);
    return created;
  };

  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(hubs.splice(0).map((hub) => hub.kill()));
  });

  it('delivers typed, validated envelopes of many channels over one connection', async () => {
    const hub = await start(QUICK);
    const jobId = 'job-typed-1';
    const sse = client({ baseUrl: hub.url, channels: ['inventory', `job:${jobId}`] });
    const quantities: number[] = [];
    const progress: number[] = [];
    const all: Envelope[] = [];
    sse.on('inventory:update', (envelope) => quantities.push(envelope.payload.quantity));
    sse.on('forecast:progress', (envelope) => progress.push(envelope.payload.progress));
    sse.onAny((envelope) => all.push(envelope));
    await waitFor(() => sse.state === 'open', 'open');

    const sent = [inventoryUpdate('SKU-1', 7), forecastProgress(jobId, 0.25), forecastProgress('job-other', 0.5)];
    await publish(hub.url, sent);
    // Sentinel: published after the other job's event, so once it is here that one would be too.
    const sentinel = inventoryUpdate('SKU-2', 3);
    await publish(hub.url, [sentinel]);
    await waitFor(() => quantities.length === 2, 'the sentinel');

    expect(quantities).toEqual([7, 3]);
    expect(progress).toEqual([0.25]);
    expect(all.map((e) => e.id)).toEqual([sent[0].id, sent[1].id, sentinel.id]);
    expect(all[1]).toEqual(sent[1]);
  });

  it('reconnects after the hub dies and resumes with Last-Event-ID (gap when the new hub never saw the id)', async () => {
    const first = await start(QUICK);
    const sse = client({ baseUrl: first.url, channels: ['inventory'], backoff: { baseMs: 50, maxMs: 200 } });
    const states: ConnectionState[] = [];
    const gaps: ReplayGap[] = [];
    const received: string[] = [];
    sse.onState((state) => states.push(state));
    sse.onGap((gap) => gaps.push(gap));
    sse.on('inventory:update', (envelope) => received.push(envelope.payload.sku));
    await waitFor(() => sse.state === 'open', 'open');
    const seen = inventoryUpdate('SKU-before', 1);
    await publish(first.url, [seen]);
    await waitFor(() => received.length === 1, 'first event');

    await first.kill();
    await waitFor(() => sse.state === 'reconnecting', 'reconnecting');
    // A memory hub restarted on the same port has an empty history: the old id is unknown.
    const second = await start({ ...QUICK, HUB_PORT: String(first.port) });
    await waitFor(() => gaps.length === 1, 'replay gap');

    expect(gaps[0]).toEqual({ reason: 'replay_gap', lastEventId: seen.id, oldestAvailableId: null });
    expect(sse.state).toBe('open');
    expect(states).toEqual(['open', 'reconnecting', 'open']);
    await publish(second.url, [inventoryUpdate('SKU-after', 2)]);
    await waitFor(() => received.length === 2, 'event after the restart');
    expect(received).toEqual(['SKU-before', 'SKU-after']);
  });

  it('with ticket auth: trades the token for a ticket before each connect and streams', async () => {
    const hub = await start({ ...QUICK, ...AUTH_ON });
    const token = await signToken(['inventory']);
    const requests: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}${new URL(String(input)).search.replace(/ticket=[^&]+/, 'ticket=T')}`);
      return fetch(input, init);
    };
    const sse = client({ baseUrl: hub.url, channels: ['inventory'], getToken: async () => token, fetch: recordingFetch });
    const received: string[] = [];
    sse.on('inventory:update', (envelope) => received.push(envelope.payload.sku));
    await waitFor(() => sse.state === 'open', 'open');
    await publish(hub.url, [inventoryUpdate('SKU-auth', 5)]);
    await waitFor(() => received.length === 1, 'event');

    expect(received).toEqual(['SKU-auth']);
    expect(requests).toEqual(['POST /sse/tickets', 'GET /sse/inventory?ticket=T']);
  });

  it('with a bad token: closes with the hub’s 401 and does not retry', async () => {
    const hub = await start({ ...QUICK, ...AUTH_ON });
    let ticketRequests = 0;
    const countingFetch: typeof fetch = (input, init) => {
      if (String(input).endsWith('/sse/tickets')) ticketRequests++;
      return fetch(input, init);
    };
    const bad = client({
      baseUrl: hub.url,
      channels: ['inventory'],
      getToken: async () => 'not-a-jwt',
      fetch: countingFetch,
      backoff: { baseMs: 1, maxMs: 1 },
    });
    await waitFor(() => bad.state === 'closed', 'closed');
    expect(bad.failure).toEqual({ status: 401, message: '401: token is invalid' });

    // Sentinel: a full connect + publish + delivery on a good client takes far longer than the 1 ms
    // backoff, so a retry of the bad client would have happened by then.
    const token = await signToken(['inventory']);
    const good = client({ baseUrl: hub.url, channels: ['inventory'], getToken: async () => token });
    const received: string[] = [];
    good.onAny((envelope) => received.push(envelope.id));
    await waitFor(() => good.state === 'open', 'good client open');
    await publish(hub.url, [inventoryUpdate('SKU-sentinel', 1)]);
    await waitFor(() => received.length === 1, 'sentinel event');
    expect(ticketRequests).toBe(1);
    expect(bad.state).toBe('closed');
  });

  it('closes with the hub’s 403 when the token does not grant a channel, without retrying', async () => {
    const hub = await start({ ...QUICK, ...AUTH_ON });
    const token = await signToken(['sales']);
    const requests: string[] = [];
    const sse = client({
      baseUrl: hub.url,
      channels: ['inventory'],
      getToken: async () => token,
      backoff: { baseMs: 1, maxMs: 1 },
      fetch: (input, init) => {
        requests.push(new URL(String(input)).pathname);
        return fetch(input, init);
      },
    });
    await waitFor(() => sse.state === 'closed', 'closed');
    expect(sse.failure).toEqual({ status: 403, message: '403: token does not grant channel "inventory"' });
    expect(requests).toEqual(['/sse/tickets', '/sse/inventory']);
  });
});
