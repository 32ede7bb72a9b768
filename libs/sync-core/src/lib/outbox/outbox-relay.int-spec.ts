import { type Database, listUnpublished, openDatabase } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';

import {
  checkExactlyOnceInOrder,
  describeContention,
  runRelayContention,
  THREE_RELAY_SCENARIO,
} from '../../test/relay-contention';

describeWithPostgres('OutboxRelay on Postgres: three worker replicas', (pg) => {
  let producer: Database | undefined;
  let replicas: Database[] = [];

  beforeAll(async () => {
    producer = await openDatabase({ databaseUrl: pg.url, maxConnections: 3 });
    // Three replicas: three pools, as three processes would have.
    replicas = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: pg.url, maxConnections: 3 })));
  });

  afterAll(async () => {
    await Promise.all([producer, ...replicas].map((database) => database?.close()));
  });

  it('three relays publish 3,000 events enqueued while they run: each id once, none missing, every stream in enqueue order', async () => {
    if (!producer) throw new Error('database not open');
    const report = await runRelayContention({
      producer,
      relayDatabases: replicas,
      ...THREE_RELAY_SCENARIO,
    });
    console.info(describeContention('three relays on Postgres', report));

    expect(checkExactlyOnceInOrder(report)).toEqual({ duplicates: 0, missing: 0, outOfOrder: [] });
    expect(report.deliveries).toHaveLength(3000);
    expect(await listUnpublished(producer.db, { limit: 1 })).toEqual([]);
    // The relays really shared the work, streams changed hands, and failed claims were retried.
    expect(report.perRelay.every((published) => published > 0)).toBe(true);
    expect(report.handoffs).toBeGreaterThan(0);
    expect(report.failedPublishes).toBeGreaterThan(0);
  });
});
