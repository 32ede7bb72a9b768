import { randomBytes } from 'node:crypto';

import type { ChannelGrants } from './channel-grants';

interface TicketEntry {
  grants: ChannelGrants;
  expiresAt: number;
}

export interface IssuedTicket {
  ticket: string;
  expiresAt: Date;
}

/** Lifetime of a ticket; the issue requires under 60 s. */
export const TICKET_TTL_MS = 30_000;

/**
 * Single-use, short-lived stream tickets: the only credential allowed in a URL, since
 * `EventSource` cannot send headers and URLs end up in proxy logs. Bounded in number.
 */
export class TicketStore {
  private readonly tickets = new Map<string, TicketEntry>();

  constructor(
    private readonly maxOutstanding = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Issues a ticket carrying `grants`, expiring after {@link TICKET_TTL_MS} or at `notAfter`
   * (the token's own expiry), whichever is first. Returns undefined when too many are outstanding.
   */
  issue(grants: ChannelGrants, notAfter: number): IssuedTicket | undefined {
    if (this.tickets.size >= this.maxOutstanding) this.sweep();
    if (this.tickets.size >= this.maxOutstanding) return undefined;
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = Math.min(this.now() + TICKET_TTL_MS, notAfter);
    this.tickets.set(ticket, { grants, expiresAt });
    return { ticket, expiresAt: new Date(expiresAt) };
  }

  /** Redeems a ticket: returns its grants once; a second use, or use after expiry, gets undefined. */
  consume(ticket: string): ChannelGrants | undefined {
    const entry = this.tickets.get(ticket);
    if (!entry) return undefined;
    this.tickets.delete(ticket);
    return entry.expiresAt > this.now() ? entry.grants : undefined;
  }

  /** Forgets expired tickets. */
  sweep(): void {
    const now = this.now();
    for (const [ticket, entry] of this.tickets)
      if (entry.expiresAt <= now) this.tickets.delete(ticket);
  }

  get size(): number {
    return this.tickets.size;
  }
}
