import { BroadcastChannel } from 'node:worker_threads';

import { inventoryUpdate } from '../../../test/envelopes';
import { MemoryLockManager } from '../../../test/memory-lock-manager';
import { publish, type RunningHub, spawnHub } from '../../../test/spawn-hub';
import { waitFor } from '../../../test/wait-for';
import type { BroadcastChannelLike } from './shared-messages';
import { createSharedSseClient } from './create-shared-sse-client';
import type { SharedSseClient } from './shared-sse-client';

interface HubStatus {
  activeConnections: number;
  channels: Record<string, number>;
}

async function status(hub: RunningHub): Promise<HubStatus> {
  return (await (await fetch(`${hub.url}/sse/status`)).json()) as HubStatus;
}

/** Two simulated tabs (one lock manager, real BroadcastChannels) against the real hub. */
describe('shared client against the real hub', () => {
  let hub: RunningHub;
  const channels: BroadcastChannelLike[] = [];
  const tabs: SharedSseClient[] = [];
  const locks = new MemoryLockManager();
  const openTab = (extraChannels: string[] = []) => {
    const tab = createSharedSseClient({
      baseUrl: hub.url,
      channels: ['inventory', ...extraChannels],
      sharingKey: `hub-tabs-${process.pid}`,
      locks,
      openChannel: (name) => {
        const channel = new BroadcastChannel(name) as unknown as BroadcastChannelLike;
        channels.push(channel);
        return channel;
      },
    }) as SharedSseClient;
    tabs.push(tab);
    return tab;
  };

  beforeEach(async () => {
    hub = await spawnHub({ HUB_AUTH: 'off', HUB_RETRY_MS: '50' });
  });

  afterEach(async () => {
    tabs.splice(0).forEach((tab) => tab.close());
    channels.splice(0).forEach((channel) => channel.close());
    await hub.kill();
  });

  it('holds one hub connection for two tabs and hands it over within 2 s, losing no event', async () => {
    const a = openTab();
    const b = openTab(['sales']);
    const seenByB: string[] = [];
    b.on('inventory:update', (envelope) => seenByB.push(envelope.payload.sku));
    await waitFor(() => a.state === 'open' && b.state === 'open', 'both open');
    let current: HubStatus | undefined;
    await waitFor(async () => (current = await status(hub)).channels['sales'] === 1, 'the leader to subscribe the follower’s channel');
    expect(current?.activeConnections).toBe(1);
    expect(current?.channels).toEqual({ inventory: 1, sales: 1 });

    await publish(hub.url, [inventoryUpdate('SKU-1', 1)]);
    await waitFor(() => seenByB.length === 1, 'first event in the follower');

    const handedOverAt = Date.now();
    a.close();
    // Published while the connection changes hands: replayed from b's Last-Event-ID, or live.
    await publish(hub.url, [inventoryUpdate('SKU-2', 2)]);
    await waitFor(() => b.role === 'leader' && b.state === 'open', 'b leads');
    expect(Date.now() - handedOverAt).toBeLessThan(2_000);
    await waitFor(() => seenByB.length === 2, 'the event published during the handover');
    expect(seenByB).toEqual(['SKU-1', 'SKU-2']);
  });
});
