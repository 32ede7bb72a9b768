CREATE TABLE "forecast_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"scope_key" text NOT NULL,
	"scope" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"stage" text,
	"progress" double precision DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" jsonb,
	"summary" jsonb
);
--> statement-breakpoint
CREATE TABLE "forecast_results" (
	"job_id" text NOT NULL,
	"sku" text NOT NULL,
	"status" text NOT NULL,
	"method" text,
	"model" text,
	"parameters" jsonb,
	"accuracy" jsonb,
	"confidence" text,
	"reason" text,
	"history_from" date NOT NULL,
	"history_to" date NOT NULL,
	"history_days" integer NOT NULL,
	"estimated_on" integer NOT NULL,
	"points" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forecast_results_pk" PRIMARY KEY("job_id","sku")
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "refunded_quantity" numeric DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "forecast_results" ADD CONSTRAINT "forecast_results_job_id_forecast_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."forecast_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_jobs_active_scope_idx" ON "forecast_jobs" USING btree ("scope_key") WHERE "forecast_jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "forecast_jobs_requested_idx" ON "forecast_jobs" USING btree ("requested_at");--> statement-breakpoint
CREATE INDEX "forecast_results_sku_created_idx" ON "forecast_results" USING btree ("sku","created_at");