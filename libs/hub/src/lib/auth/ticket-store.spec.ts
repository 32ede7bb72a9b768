import { ChannelGrants } from './channel-grants';
import { type IssuedTicket, TICKET_TTL_MS, TicketStore } from './ticket-store';

function issued(ticket: IssuedTicket | undefined): IssuedTicket {
  if (!ticket) throw new Error('expected a ticket');
  return ticket;
}

describe('TicketStore', () => {
  let now = 1_000_000;
  const clock = () => now;
  const grants = new ChannelGrants(['sales']);

  it('redeems a ticket exactly once', () => {
    const store = new TicketStore(10, clock);
    const { ticket } = issued(store.issue(grants, Number.MAX_SAFE_INTEGER));
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.consume(ticket)).toBe(grants);
    expect(store.consume(ticket)).toBeUndefined();
  });

  it('expires within 60 s, or with the token if sooner', () => {
    const store = new TicketStore(10, clock);
    const first = issued(store.issue(grants, Number.MAX_SAFE_INTEGER));
    expect(first.expiresAt.getTime() - now).toBe(TICKET_TTL_MS);
    expect(TICKET_TTL_MS).toBeLessThan(60_000);
    const capped = issued(store.issue(grants, now + 1_000));
    expect(capped.expiresAt.getTime()).toBe(now + 1_000);
    now += TICKET_TTL_MS;
    expect(store.consume(first.ticket)).toBeUndefined();
  });

  it('bounds outstanding tickets, sweeping expired ones first', () => {
    const store = new TicketStore(2, clock);
    store.issue(grants, now + 10);
    store.issue(grants, Number.MAX_SAFE_INTEGER);
    expect(store.issue(grants, Number.MAX_SAFE_INTEGER)).toBeUndefined();
    now += 20;
    expect(store.issue(grants, Number.MAX_SAFE_INTEGER)).toBeDefined();
    expect(store.size).toBe(2);
  });
});
