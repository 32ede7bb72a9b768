import type { Socket } from 'node:net';

import { Connection } from './connection';
import { ConnectionRegistry } from './connection-registry';
import { FanOut } from './fan-out';

class RecordingSocket {
  writes: Buffer[] = [];
  writableLength = 0;
  destroyed = false;
  corks = 0;
  write(buffer: Buffer) {
    this.writes.push(buffer);
    return true;
  }
  cork() {
    this.corks++;
  }
  uncork() {
    return undefined;
  }
  destroy() {
    this.destroyed = true;
  }
}

function setup(maxBufferBytes = 1_000) {
  const registry = new ConnectionRegistry();
  const dropped: Connection[] = [];
  const fanOut = new FanOut(registry, maxBufferBytes, {
    onSlowClient: (c) => dropped.push(c),
    onWritten: () => undefined,
  });
  const connect = (channels: string[]) => {
    const socket = new RecordingSocket();
    const connection = new Connection(
      `c${registry.size}`,
      socket as unknown as Socket,
      channels,
      '127.0.0.1',
    );
    registry.add(connection);
    return { connection, socket };
  };
  return { registry, fanOut, dropped, connect };
}

describe('FanOut', () => {
  it('queues a frame once per connection even across several matching channels, and shares the Buffer', () => {
    const { fanOut, connect } = setup();
    const a = connect(['sales', 'inventory']);
    const b = connect(['inventory']);
    const c = connect(['financial']);
    const frame = Buffer.from('event');
    expect(fanOut.deliver(frame, ['sales', 'inventory', 'dashboard'])).toBe(2);
    fanOut.flush();
    expect(a.socket.writes).toEqual([frame]);
    expect(a.socket.writes[0]).toBe(b.socket.writes[0]);
    expect(c.socket.writes).toEqual([]);
  });

  it('sends `*` to every connection', () => {
    const { fanOut, connect } = setup();
    const a = connect(['sales']);
    const b = connect(['job:x']);
    expect(fanOut.deliver(Buffer.from('x'), ['*'])).toBe(2);
    fanOut.flush();
    expect(a.socket.writes).toHaveLength(1);
    expect(b.socket.writes).toHaveLength(1);
  });

  it('batches a burst into one corked write per connection per flush', () => {
    const { fanOut, connect } = setup();
    const a = connect(['sales']);
    for (let i = 0; i < 5; i++) fanOut.deliver(Buffer.from(`e${i}`), ['sales']);
    expect(a.socket.writes).toHaveLength(0);
    fanOut.flush();
    expect(a.socket.corks).toBe(1);
    expect(Buffer.concat(a.socket.writes).toString()).toBe('e0e1e2e3e4');
  });

  it('flushes on its own before the next turn of the event loop', async () => {
    const { fanOut, connect } = setup();
    const a = connect(['sales']);
    fanOut.deliver(Buffer.from('now'), ['sales']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.socket.writes).toHaveLength(1);
  });

  it('destroys and forgets a connection whose pending bytes pass the bound, leaving the others alone', () => {
    const { fanOut, connect, registry, dropped } = setup(100);
    const slow = connect(['sales']);
    const fast = connect(['sales']);
    slow.socket.writableLength = 90;
    fanOut.deliver(Buffer.alloc(20), ['sales']);
    expect(slow.socket.destroyed).toBe(true);
    expect(dropped).toEqual([slow.connection]);
    expect(registry.size).toBe(1);
    fanOut.flush();
    expect(fast.socket.writes).toHaveLength(1);
    expect(slow.socket.writes).toHaveLength(0);
  });
});
