import { TransientError } from '@ops/resilience';
import type { Redis } from 'ioredis';

import { ChannelGrants } from './channel-grants';
import {
  type IssuedTicket,
  newTicket,
  type RedeemedTicket,
  TICKET_TTL_MS,
  TicketStore,
} from './ticket-store';

interface StoredTicket {
  channels: readonly string[];
  grantExpiresAt: number;
}

/**
 * Tickets shared by hub replicas: `SET <prefix><ticket> ... PX <ttl> NX` to issue, `GETDEL` to
 * redeem, so exactly one redemption succeeds whichever replica it reaches. Redis expires them.
 * While Redis is unreachable, issuing and redeeming reject (the HTTP layer answers 503).
 */
export class RedisTicketStore extends TicketStore {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async issue(
    grants: ChannelGrants,
    notAfter: number,
  ): Promise<IssuedTicket | undefined> {
    const ticket = newTicket();
    const expiresAt = Math.min(this.now() + TICKET_TTL_MS, notAfter);
    const ttl = expiresAt - this.now();
    if (ttl <= 0) return undefined;
    const stored: StoredTicket = {
      channels: grants.patterns,
      grantExpiresAt: notAfter,
    };
    await unavailableOnError(
      this.client.set(
        this.prefix + ticket,
        JSON.stringify(stored),
        'PX',
        ttl,
        'NX',
      ),
    );
    return { ticket, expiresAt: new Date(expiresAt) };
  }

  async consume(ticket: string): Promise<RedeemedTicket | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return undefined;
    const raw = await unavailableOnError(
      this.client.getdel(this.prefix + ticket),
    );
    if (raw === null) return undefined;
    const stored = JSON.parse(raw) as StoredTicket;
    return {
      grants: new ChannelGrants(stored.channels),
      grantExpiresAt: stored.grantExpiresAt,
    };
  }

  sweep(): void {
    // Redis expires tickets itself (PX).
  }
}

async function unavailableOnError<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (error) {
    throw new TransientError(
      `ticket store unavailable: ${(error as Error).message}`,
      'REDIS_UNAVAILABLE',
    );
  }
}
