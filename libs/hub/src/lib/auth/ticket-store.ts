import { randomBytes } from 'node:crypto';

import type { ChannelGrants } from './channel-grants';

export interface IssuedTicket {
  ticket: string;
  expiresAt: Date;
}

/** What a redeemed ticket carries: the channels, and when the grant behind it (the token) ends. */
export interface RedeemedTicket {
  grants: ChannelGrants;
  grantExpiresAt: number;
}

/** Lifetime of a ticket; the issue requires under 60 s. */
export const TICKET_TTL_MS = 30_000;

/** A new ticket: 32 random bytes, base64url (43 characters). */
export function newTicket(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Single-use, short-lived stream tickets: the only credential allowed in a URL, since
 * `EventSource` cannot send headers and URLs end up in proxy logs. One implementation per
 * deployment: in memory for one process, in Redis when hub replicas share `REDIS_URL` (a ticket
 * issued by one replica is then redeemed once by any replica).
 */
export abstract class TicketStore {
  /**
   * Issues a ticket carrying `grants`, expiring after {@link TICKET_TTL_MS} or at `notAfter`
   * (the token's own expiry), whichever is first. Resolves undefined when too many are outstanding.
   */
  abstract issue(grants: ChannelGrants, notAfter: number): Promise<IssuedTicket | undefined>;

  /** Redeems a ticket: its grants once; a second use, or use after expiry, gets undefined. */
  abstract consume(ticket: string): Promise<RedeemedTicket | undefined>;

  /** Forgets expired tickets (where the store does not expire them itself). */
  abstract sweep(): void;
}
