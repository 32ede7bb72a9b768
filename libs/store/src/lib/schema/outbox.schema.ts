import type { Envelope } from '@ops/sse-events';

import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

import { timestamptz } from './columns';

/** Events written in the same transaction as the state they describe; a relay publishes them. */
export const outbox = pgTable(
  'outbox',
  {
    /** The envelope id, so a retried enqueue or publish is recognised as a duplicate. */
    id: text('id').primaryKey(),
    envelope: jsonb('envelope').$type<Envelope>().notNull(),
    /**
     * The ordering stream: the integration that produced the event (`envelope.source.system`).
     * Derived by the database, so it can never disagree with the envelope. Relays publish one
     * stream's events in order and lock a stream while they publish it.
     */
    stream: text('stream')
      .notNull()
      .generatedAlwaysAs(sql`"envelope" -> 'source' ->> 'system'`),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    publishedAt: timestamptz('published_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_unpublished_stream_idx')
      .on(t.stream, t.createdAt, t.id)
      .where(sql`${t.publishedAt} is null`),
    // The read API's "latest event of a type per account" (`latestEventsByAccount`).
    index('outbox_latest_by_account_idx').on(
      t.stream,
      sql`(${t.envelope} ->> 'type')`,
      sql`(${t.envelope} -> 'source' ->> 'account')`,
      sql`(${t.envelope} ->> 'occurredAt')`,
    ),
  ],
);
