import { AuthRevokedError } from '@ops/resilience';
import { createEnvelope, type Envelope, MemoryPublisher, type SyncError } from '@ops/sse-events';
import { type Database, listRuns, openDatabase, startRun } from '@ops/store';

import { OutboxRelay } from '../outbox/outbox-relay';
import type { JobOutcome, RunContext, SyncJob } from './sync-job';
import { SyncRunner } from './sync-runner';

const source = { system: 'unleashed', account: 'acme', environment: 'sandbox' } as const;

class ScriptedJob implements SyncJob {
  readonly integration = 'unleashed' as const;
  constructor(private readonly work: (context: RunContext) => Promise<JobOutcome>) {}
  startedEvent(): Envelope {
    return createEnvelope('unleashed:sync_started', source, {});
  }
  failedEvent(error: SyncError, retryable: boolean): Envelope {
    return createEnvelope('unleashed:sync_error', source, { error, retryable });
  }
  execute(context: RunContext): Promise<JobOutcome> {
    return this.work(context);
  }
}

describe('SyncRunner', () => {
  let database: Database;
  let events: Envelope[];
  let runner: SyncRunner;
  beforeAll(async () => (database = await openDatabase({ inMemory: true })));
  afterAll(async () => database.close());
  beforeEach(() => {
    const publisher = new MemoryPublisher();
    events = [];
    publisher.subscribe((e) => events.push(e));
    runner = new SyncRunner(database, new OutboxRelay(database, publisher));
  });

  it('records the run and publishes sync_started through the outbox', async () => {
    const result = await runner.run(new ScriptedJob(async () => ({ status: 'succeeded', counters: { jobs: 14 } })));
    expect(result).toMatchObject({ status: 'succeeded', counters: { jobs: 14 } });
    expect(events.map((e) => e.type)).toEqual(['unleashed:sync_started']);
    const [run] = await listRuns(database.db, { integration: 'unleashed', limit: 1 });
    expect(run).toMatchObject({ status: 'succeeded', counters: { jobs: 14 } });
    expect(run.finishedAt).toBeInstanceOf(Date);
  });

  it('turns a failure into a failed run and a sync_error without secrets, and never throws', async () => {
    const job = new ScriptedJob(async () => {
      throw new AuthRevokedError('GET https://api.unleashedsoftware.com/Products?api-auth-signature=abc123 -> 403');
    });
    const result = await runner.run(job);
    expect(result.status).toBe('failed');
    const failure = events.find((e) => e.type === 'unleashed:sync_error');
    expect(failure?.payload).toEqual({
      error: { code: 'AUTH_REVOKED', message: 'GET https://api.unleashedsoftware.com/Products?api-auth-signature=[REDACTED] -> 403' },
      retryable: false,
    });
    const [run] = await listRuns(database.db, { integration: 'unleashed', limit: 1 });
    expect(run).toMatchObject({ status: 'failed', error: failure?.payload.error });
  });

  it('never overlaps runs of one integration', async () => {
    let release = () => undefined as void;
    const slow = new ScriptedJob(() => new Promise((resolve) => (release = () => resolve({ status: 'succeeded', counters: {} }))));
    const first = runner.run(slow);
    await new Promise((r) => setTimeout(r, 50));
    expect(await runner.run(slow)).toEqual({ status: 'skipped', reason: 'already running here' });
    release();
    expect((await first).status).toBe('succeeded');
  });

  it('skips when another runner holds the integration lock', async () => {
    let release = () => undefined as void;
    const other = new SyncRunner(database);
    const held = other.run(new ScriptedJob(() => new Promise((resolve) => (release = () => resolve({ status: 'succeeded', counters: {} })))));
    await new Promise((r) => setTimeout(r, 50));
    expect(await runner.run(new ScriptedJob(async () => ({ status: 'succeeded', counters: {} })))).toEqual({
      status: 'skipped',
      reason: 'locked by another process',
    });
    release();
    await held;
  });

  it('commits the closing events with the finished run record, after sync_started', async () => {
    const closing = createEnvelope('unleashed:sync_completed', source, {
      asOf: '2026-12-01T06:00:00.000Z',
      production: {
        total: 2,
        byStatus: { Completed: 2 },
        quantityByStatus: { Completed: '2' },
        dueNext7Days: { from: '2026-12-01', to: '2026-12-07', count: 0, quantity: '0' },
        late: { count: 0, quantity: '0', jobs: [] },
      },
      inventory: { products: 1, warehouses: 1, lines: 1, totalOnHand: '4', totalAllocated: '0', totalAvailable: '4', totalValue: '8' },
      alertCount: 0,
      alerts: [],
      apiCalls: 3,
    });
    const result = await runner.run(new ScriptedJob(async () => ({ status: 'succeeded', counters: {}, events: [closing] })));
    expect(result.status).toBe('succeeded');
    expect(events.map((e) => e.id)).toEqual([events[0].id, closing.id]);
    expect(events[0].type).toBe('unleashed:sync_started');
  });

  it('stops a running job at shutdown: run interrupted, a retryable INTERRUPTED error, later runs refused', async () => {
    let started = () => undefined as void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const job = new ScriptedJob(
      (context) =>
        new Promise((_resolve, reject) => {
          started();
          context.signal.addEventListener('abort', () => reject(context.signal.reason));
        }),
    );
    const result = runner.run(job);
    await running;
    await runner.stop();
    expect(await result).toMatchObject({ status: 'interrupted' });
    const [run] = await listRuns(database.db, { integration: 'unleashed', limit: 1 });
    expect(run).toMatchObject({ status: 'interrupted', error: { code: 'INTERRUPTED' } });
    expect(events.find((e) => e.type === 'unleashed:sync_error')?.payload).toMatchObject({ error: { code: 'INTERRUPTED' }, retryable: true });
    expect(await runner.run(job)).toEqual({ status: 'skipped', reason: 'shutting down' });
  });

  it('marks runs a dead process left running as abandoned, but never a live run holding the lock', async () => {
    let release = () => undefined as void;
    const other = new SyncRunner(database);
    const amazonJob = Object.assign(new ScriptedJob(() => new Promise((resolve) => (release = () => resolve({ status: 'succeeded', counters: {} })))), {
      integration: 'amazon' as const,
    });
    const held = other.run(amazonJob);
    await new Promise((r) => setTimeout(r, 50));
    expect(await runner.reclaimAbandoned('amazon')).toBe(0);
    expect((await listRuns(database.db, { integration: 'amazon' }))[0]).toMatchObject({ status: 'running' });
    release();
    await held;
    const left = await startRun(database.db, { integration: 'amazon' });
    expect(await runner.reclaimAbandoned('amazon')).toBe(1);
    const runs = await listRuns(database.db, { integration: 'amazon' });
    expect(runs.find((r) => r.id === left.id)).toMatchObject({ status: 'abandoned', error: { code: 'ABANDONED' } });
    expect(runs.filter((r) => r.status === 'succeeded')).toHaveLength(1);
  });

  it('marks a run a dead process left running abandoned when the next run of that integration starts', async () => {
    // Started a minute ago by a process that has since died.
    const left = await startRun(database.db, { integration: 'xero', startedAt: new Date(Date.now() - 60_000) });
    const xeroJob = Object.assign(new ScriptedJob(async () => ({ status: 'succeeded', counters: {} })), { integration: 'xero' as const });
    expect((await runner.run(xeroJob)).status).toBe('succeeded');
    const runs = await listRuns(database.db, { integration: 'xero' });
    expect(runs.map((r) => [r.id === left.id ? 'left' : 'new', r.status])).toEqual([
      ['new', 'succeeded'],
      ['left', 'abandoned'],
    ]);
  });
});
