import { createEnvelope } from './create-envelope';
import type { EventSource } from './envelope';
import { EVENT_EXAMPLES } from './event-examples.fixture';
import { EVENT_TYPES } from './event-map';
import { channelsFor, ROUTES } from './routing';
import { InvalidEventError, parseEnvelope } from './validation';

const source: EventSource = { system: 'shopify', account: 'acme-uk.myshopify.com', environment: 'sandbox' };

describe('createEnvelope', () => {
  it.each(EVENT_TYPES)('builds a valid %s envelope routed by the table', (type) => {
    const envelope = createEnvelope(type, source, EVENT_EXAMPLES[type].valid as never);
    expect(parseEnvelope(envelope)).toEqual({ ok: true, value: envelope });
    expect(envelope.channels).toEqual(channelsFor(type, envelope.jobId));
  });

  it('routes forecast events to their job channel and copies the job id', () => {
    const envelope = createEnvelope('forecast:progress', source, { jobId: 'fc-7', progress: 0.5, stage: 'fitting' });
    expect(envelope.jobId).toBe('fc-7');
    expect(envelope.channels).toEqual(['forecast', 'job:fc-7']);
  });

  it('sends admin broadcasts to every connection', () => {
    expect(ROUTES['admin:broadcast'].channels).toEqual(['*']);
  });

  it('throws an error naming the field when the payload is wrong', () => {
    expect(() =>
      createEnvelope('amazon:orders_synced', source, { totalOrders: 3, totalRevenue: { GBP: 1.5 } } as never),
    ).toThrow(new InvalidEventError('amazon:orders_synced: payload.totalRevenue.GBP: Invalid input: expected string, received number'));
  });

  it('gives ids that are unique and ordered within a process', () => {
    const ids = Array.from({ length: 1000 }, () => createEnvelope('admin:broadcast', source, { message: 'm', level: 'info' }).id);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps a caller-supplied id (outbox rows retry with the same id)', () => {
    const envelope = createEnvelope('admin:broadcast', source, { message: 'm', level: 'info' }, { id: 'outbox-42' });
    expect(envelope.id).toBe('outbox-42');
  });
});

describe('parseEnvelope', () => {
  const valid = createEnvelope('shopify:sync_error', source, EVENT_EXAMPLES['shopify:sync_error'].valid);

  it.each([
    ['an unknown type', { ...valid, type: 'shopify:fake_event' }, 'type: unknown event type "shopify:fake_event"'],
    ['channels that contradict the routing table', { ...valid, channels: ['dashboard'] }, 'channels: must be [sales, admin]'],
    ['an unknown channel', { ...valid, channels: ['sales', 'secret-room'] }, 'channels.1: unknown channel'],
    ['an unknown top-level field', { ...valid, extra: 1 }, 'Unrecognized key: "extra"'],
    ['a bad timestamp', { ...valid, occurredAt: 'yesterday' }, 'occurredAt:'],
    ['a bad environment', { ...valid, source: { ...source, environment: 'staging' } }, 'source.environment:'],
    ['a jobId on a non-job event', { ...valid, jobId: 'fc-1' }, 'jobId: shopify:sync_error is not a job event'],
    ['a missing payload field', { ...valid, payload: { storeId: 'x', error: valid.payload.error } }, 'payload.retryable:'],
    ['null', null, 'expected object'],
  ])('rejects %s', (_label, input, message) => {
    const result = parseEnvelope(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('rejects a forecast envelope whose jobId differs from its payload', () => {
    const envelope = createEnvelope('forecast:error', source, EVENT_EXAMPLES['forecast:error'].valid);
    const result = parseEnvelope({ ...envelope, jobId: 'other-job', channels: ['forecast', 'job:other-job'] });
    expect(!result.ok && result.error).toContain('jobId: must equal payload.jobId');
  });
});
