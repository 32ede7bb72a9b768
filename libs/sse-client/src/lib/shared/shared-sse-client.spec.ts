import { BroadcastChannel } from 'node:worker_threads';

import { forecastProgress, inventoryUpdate } from '../../../test/envelopes';
import { MemoryLockManager } from '../../../test/memory-lock-manager';
import { ScriptedFetch } from '../../../test/scripted-fetch';
import { waitFor } from '../../../test/wait-for';
import { SseClient } from '../sse-client';
import type { InvalidEventReport, SseSubscriber } from '../sse-client.types';
import { createSharedSseClient, type SharedSseClientOptions } from './create-shared-sse-client';
import type { BroadcastChannelLike } from './shared-messages';
import { SharedSseClient } from './shared-sse-client';

const KEY = `sse-test-${process.pid}`;

/** Simulated browser tabs: one lock manager, real BroadcastChannels, a scripted hub per tab. */
describe('createSharedSseClient (tabs sharing one connection)', () => {
  const locks = new MemoryLockManager();
  const opened: BroadcastChannelLike[] = [];
  const tabs: SseSubscriber[] = [];
  const openChannel = (name: string) => {
    const channel = new BroadcastChannel(name) as unknown as BroadcastChannelLike;
    opened.push(channel);
    return channel;
  };
  const openTab = (scripted: ScriptedFetch, options: Partial<SharedSseClientOptions> = {}) => {
    const tab = createSharedSseClient({
      baseUrl: 'http://hub.test',
      channels: ['inventory'],
      backoff: { baseMs: 5, maxMs: 20 },
      fetch: scripted.fetch,
      sharingKey: KEY,
      locks,
      openChannel,
      ...options,
    });
    tabs.push(tab);
    return tab as SharedSseClient;
  };

  afterEach(() => {
    tabs.splice(0).forEach((tab) => tab.close());
    opened.splice(0).forEach((channel) => channel.close());
  });

  it('elects one leader that holds the only connection and feeds the followers', async () => {
    const [hubA, hubB] = [new ScriptedFetch(() => 'stream'), new ScriptedFetch(() => 'stream')];
    const a = openTab(hubA);
    const b = openTab(hubB);
    const seenByB: string[] = [];
    b.on('inventory:update', (envelope) => seenByB.push(envelope.payload.sku));
    await waitFor(() => a.state === 'open' && b.state === 'open', 'both tabs open');
    expect([a.role, b.role]).toEqual(['leader', 'follower']);

    const event = inventoryUpdate('SKU-1', 1);
    hubA.streams[0].event(event.type, event, event.id);
    await waitFor(() => seenByB.length === 1, 'event in the follower');

    expect(seenByB).toEqual(['SKU-1']);
    expect(hubA.streamRequests).toHaveLength(1);
    expect(hubB.requests).toHaveLength(0);
    expect(locks.waiting(KEY)).toBe(1);
  });

  it('widens the leader’s subscription for a follower’s channel and gives each tab only its channels', async () => {
    const [hubA, hubB] = [new ScriptedFetch(() => 'stream'), new ScriptedFetch(() => 'stream')];
    const a = openTab(hubA);
    const b = openTab(hubB);
    const [seenByA, seenByB]: string[][] = [[], []];
    a.onAny((envelope) => seenByA.push(envelope.type));
    b.onAny((envelope) => seenByB.push(envelope.type));
    await waitFor(() => b.state === 'open', 'follower open');

    b.subscribe(['job:j-1']);
    await waitFor(() => hubA.streamRequests.length === 2 && a.state === 'open', 'leader reconnected with the union');
    expect(decodeURIComponent(hubA.streamRequests[1].url.search)).toBe('?channels=inventory,job:j-1');

    const [progress, stock] = [forecastProgress('j-1', 0.5), inventoryUpdate('SKU-2', 2)];
    hubA.streams[1].event(progress.type, progress, progress.id);
    hubA.streams[1].event(stock.type, stock, stock.id);
    await waitFor(() => seenByB.length === 2 && seenByA.length === 1, 'events in both tabs');
    expect(seenByA).toEqual(['inventory:update']);
    expect(seenByB).toEqual(['forecast:progress', 'inventory:update']);
  });

  it('hands over when the leader closes: the next tab connects for every tab and resumes from the last event it saw', async () => {
    const [hubA, hubB, hubC] = [new ScriptedFetch(() => 'stream'), new ScriptedFetch(() => 'stream'), new ScriptedFetch(() => 'stream')];
    const a = openTab(hubA);
    const b = openTab(hubB, { channels: ['inventory', 'job:j-1'] });
    const c = openTab(hubC, { channels: ['sales'] });
    const seenByB: string[] = [];
    b.onAny((envelope) => seenByB.push(envelope.id));
    const lastSearch = (scripted: ScriptedFetch) => decodeURIComponent(scripted.streamRequests.at(-1)?.url.search ?? '');
    await waitFor(() => lastSearch(hubA) === '?channels=inventory,job:j-1,sales' && a.state === 'open' && c.state === 'open', 'leader on the union');
    const event = inventoryUpdate('SKU-3', 3);
    hubA.streams.at(-1)?.event(event.type, event, event.id);
    await waitFor(() => seenByB.length === 1, 'event in the follower');

    const bStates: string[] = [];
    b.onState((state) => bStates.push(state));
    a.close();
    await waitFor(() => b.role === 'leader' && hubB.streams.length === 1 && b.state === 'open' && c.state === 'open', 'b took over');
    expect(bStates).toEqual(['connecting', 'open']);
    expect(c.role).toBe('follower');
    expect(hubB.streamRequests).toHaveLength(1);
    expect(hubB.streamRequests[0].headers.get('last-event-id')).toBe(event.id);
    expect(lastSearch(hubB)).toBe('?channels=inventory,job:j-1,sales');

    // The replay repeats the last event: delivered once.
    hubB.streams[0].event(event.type, event, event.id);
    const next = inventoryUpdate('SKU-4', 4);
    hubB.streams[0].event(next.type, next, next.id);
    await waitFor(() => seenByB.length === 2, 'next event');
    expect(seenByB).toEqual([event.id, next.id]);
    expect(hubC.requests).toHaveLength(0);
  });

  it('validates what the leader forwards, reporting a bad envelope instead of passing it on', async () => {
    const hubB = new ScriptedFetch(() => 'stream');
    const fakeLeader = openChannel(KEY);
    const b = openTab(hubB);
    // A second tab holds the lock, so `b` stays a follower.
    const holder = openTab(new ScriptedFetch(() => 'stream'));
    await waitFor(() => holder.role === 'leader' || b.role === 'leader', 'a leader');
    const follower = b.role === 'follower' ? b : holder;
    const reports: InvalidEventReport[] = [];
    const delivered: string[] = [];
    follower.onInvalid((report) => reports.push(report));
    follower.onAny((envelope) => delivered.push(envelope.id));

    const good = inventoryUpdate('SKU-5', 5);
    fakeLeader.postMessage({ v: 1, kind: 'event', envelope: { ...good, payload: { ...good.payload, quantity: 'x' } } });
    // A tab of another build speaking another protocol version is ignored.
    fakeLeader.postMessage({ v: 2, kind: 'event', envelope: inventoryUpdate('SKU-6', 6) });
    fakeLeader.postMessage({ v: 1, kind: 'event', envelope: good });
    await waitFor(() => delivered.length === 1, 'the good envelope');

    expect(delivered).toEqual([good.id]);
    expect(reports.map((report) => report.reason)).toEqual([
      'forwarded by the leader tab: payload.quantity: Invalid input: expected number, received string',
    ]);
  });

  it('falls back to a private connection without Web Locks (Node has no navigator.locks)', () => {
    const tab = createSharedSseClient({ baseUrl: 'http://hub.test', fetch: new ScriptedFetch(() => 'stream').fetch });
    tabs.push(tab);
    expect(tab).toBeInstanceOf(SseClient);
  });
});
