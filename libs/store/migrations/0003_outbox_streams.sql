-- Relays lock one stream (the producing integration, envelope.source.system) at a time and publish
-- its unpublished rows in order; existing rows get their stream from the envelope as the column is added.
DROP INDEX "outbox_unpublished_idx";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "stream" text GENERATED ALWAYS AS ("envelope" -> 'source' ->> 'system') STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_unpublished_stream_idx" ON "outbox" USING btree ("stream","created_at","id") WHERE "outbox"."published_at" is null;