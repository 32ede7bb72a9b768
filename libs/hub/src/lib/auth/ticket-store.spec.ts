import { ChannelGrants } from './channel-grants';
import { MemoryTicketStore } from './memory-ticket-store';
import { type IssuedTicket, TICKET_TTL_MS } from './ticket-store';

function issued(ticket: IssuedTicket | undefined): IssuedTicket {
  if (!ticket) throw new Error('expected a ticket');
  return ticket;
}

describe('MemoryTicketStore', () => {
  let now = 1_000_000;
  const clock = () => now;
  const grants = new ChannelGrants(['sales']);

  it('redeems a ticket exactly once, with the grant expiry of its token', async () => {
    const store = new MemoryTicketStore(10, clock);
    const { ticket } = issued(await store.issue(grants, now + 600_000));
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.consume(ticket)).toEqual({
      grants,
      grantExpiresAt: now + 600_000,
    });
    expect(await store.consume(ticket)).toBeUndefined();
  });

  it('expires within 60 s, or with the token if sooner', async () => {
    const store = new MemoryTicketStore(10, clock);
    const first = issued(await store.issue(grants, Number.MAX_SAFE_INTEGER));
    expect(first.expiresAt.getTime() - now).toBe(TICKET_TTL_MS);
    expect(TICKET_TTL_MS).toBeLessThan(60_000);
    const capped = issued(await store.issue(grants, now + 1_000));
    expect(capped.expiresAt.getTime()).toBe(now + 1_000);
    now += TICKET_TTL_MS;
    expect(await store.consume(first.ticket)).toBeUndefined();
  });

  it('bounds outstanding tickets, sweeping expired ones first', async () => {
    const store = new MemoryTicketStore(2, clock);
    await store.issue(grants, now + 10);
    await store.issue(grants, Number.MAX_SAFE_INTEGER);
    expect(await store.issue(grants, Number.MAX_SAFE_INTEGER)).toBeUndefined();
    now += 20;
    expect(await store.issue(grants, Number.MAX_SAFE_INTEGER)).toBeDefined();
    expect(store.size).toBe(2);
  });
});
