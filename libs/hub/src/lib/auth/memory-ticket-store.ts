import type { ChannelGrants } from './channel-grants';
import {
  type IssuedTicket,
  newTicket,
  type RedeemedTicket,
  TICKET_TTL_MS,
  TicketStore,
} from './ticket-store';

interface TicketEntry {
  grants: ChannelGrants;
  expiresAt: number;
  grantExpiresAt: number;
}

/** Tickets in this process's memory (one hub process). Bounded in number. */
export class MemoryTicketStore extends TicketStore {
  private readonly tickets = new Map<string, TicketEntry>();

  constructor(
    private readonly maxOutstanding = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async issue(
    grants: ChannelGrants,
    notAfter: number,
  ): Promise<IssuedTicket | undefined> {
    if (this.tickets.size >= this.maxOutstanding) this.sweep();
    if (this.tickets.size >= this.maxOutstanding) return undefined;
    const ticket = newTicket();
    const expiresAt = Math.min(this.now() + TICKET_TTL_MS, notAfter);
    this.tickets.set(ticket, { grants, expiresAt, grantExpiresAt: notAfter });
    return { ticket, expiresAt: new Date(expiresAt) };
  }

  async consume(ticket: string): Promise<RedeemedTicket | undefined> {
    const entry = this.tickets.get(ticket);
    if (!entry) return undefined;
    this.tickets.delete(ticket);
    return entry.expiresAt > this.now()
      ? { grants: entry.grants, grantExpiresAt: entry.grantExpiresAt }
      : undefined;
  }

  sweep(): void {
    const now = this.now();
    for (const [ticket, entry] of this.tickets)
      if (entry.expiresAt <= now) this.tickets.delete(ticket);
  }

  get size(): number {
    return this.tickets.size;
  }
}
