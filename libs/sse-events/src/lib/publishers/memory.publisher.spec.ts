import { createEnvelope } from '../create-envelope';
import { emitAdminBroadcast, emitShopifySyncCompleted } from '../emitters';
import type { Envelope } from '../envelope';
import { EVENT_EXAMPLES } from '../event-examples.fixture';
import { MemoryPublisher } from './memory.publisher';

const source = { system: 'hub', account: 'local', environment: 'production' } as const;

describe('MemoryPublisher', () => {
  it('delivers to every subscriber in publish order', async () => {
    const publisher = new MemoryPublisher();
    const a: Envelope[] = [];
    const b: string[] = [];
    publisher.subscribe((e) => a.push(e));
    publisher.subscribe((e) => b.push(e.type));
    const first = await emitAdminBroadcast(publisher, source, { message: 'one', level: 'info' });
    const second = await emitShopifySyncCompleted(publisher, { ...source, system: 'shopify' }, EVENT_EXAMPLES['shopify:sync_completed'].valid);
    expect(a).toEqual([first, second]);
    expect(b).toEqual(['admin:broadcast', 'shopify:sync_completed']);
  });

  it('stops delivering after unsubscribe and isolates a throwing listener', async () => {
    const publisher = new MemoryPublisher();
    const seen: string[] = [];
    publisher.subscribe(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = publisher.subscribe((e) => seen.push(e.id));
    await emitAdminBroadcast(publisher, source, { message: 'one', level: 'info' }, { id: 'e1' });
    unsubscribe();
    await emitAdminBroadcast(publisher, source, { message: 'two', level: 'info' }, { id: 'e2' });
    expect(seen).toEqual(['e1']);
  });

  it('rejects a tampered envelope and delivers nothing from that batch', async () => {
    const publisher = new MemoryPublisher();
    const seen: string[] = [];
    publisher.subscribe((e) => seen.push(e.id));
    const good = createEnvelope('admin:broadcast', source, { message: 'ok', level: 'info' });
    const bad = { ...good, id: 'bad', payload: { message: '', level: 'info' } } as Envelope;
    await expect(publisher.publish([good, bad])).rejects.toThrow('payload.message');
    expect(seen).toEqual([]);
  });

  it('refuses to publish after close', async () => {
    const publisher = new MemoryPublisher();
    await publisher.close();
    await expect(emitAdminBroadcast(publisher, source, { message: 'late', level: 'info' })).rejects.toThrow('closed');
  });
});
