import { ALL_CONNECTIONS } from '@ops/sse-events';

import type { Connection } from './connection';

const NO_SUBSCRIBERS: ReadonlySet<Connection> = new Set();

/** Every open stream, indexed by channel and counted per client IP. */
export class ConnectionRegistry {
  private readonly all = new Set<Connection>();
  private readonly byChannel = new Map<string, Set<Connection>>();
  private readonly perIp = new Map<string, number>();

  get size(): number {
    return this.all.size;
  }

  /** Open streams from one IP address. */
  countForIp(ip: string): number {
    return this.perIp.get(ip) ?? 0;
  }

  /** Adds a connection under each of its channels. Adding it twice does nothing. */
  add(connection: Connection): void {
    if (this.all.has(connection)) return;
    this.all.add(connection);
    for (const channel of connection.channels) {
      let subscribers = this.byChannel.get(channel);
      if (!subscribers) this.byChannel.set(channel, (subscribers = new Set()));
      subscribers.add(connection);
    }
    this.perIp.set(connection.ip, this.countForIp(connection.ip) + 1);
  }

  /** Removes a connection. Returns false (and changes nothing) if it was not registered. */
  remove(connection: Connection): boolean {
    if (!this.all.delete(connection)) return false;
    for (const channel of connection.channels) {
      const subscribers = this.byChannel.get(channel);
      if (!subscribers) continue;
      subscribers.delete(connection);
      if (subscribers.size === 0) this.byChannel.delete(channel);
    }
    const count = this.countForIp(connection.ip) - 1;
    if (count > 0) this.perIp.set(connection.ip, count);
    else this.perIp.delete(connection.ip);
    return true;
  }

  /** The subscribers of one channel; `*` means every connection. Never copies. */
  subscribers(channel: string): ReadonlySet<Connection> {
    if (channel === ALL_CONNECTIONS) return this.all;
    return this.byChannel.get(channel) ?? NO_SUBSCRIBERS;
  }

  /** Every open connection. */
  connections(): ReadonlySet<Connection> {
    return this.all;
  }

  /** Subscriber count per channel that has any subscriber. */
  channelCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [channel, subscribers] of this.byChannel)
      counts[channel] = subscribers.size;
    return counts;
  }
}
