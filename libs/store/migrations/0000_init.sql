CREATE TABLE "integration_accounts" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"label" text,
	"credential_state" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_accounts_pk" PRIMARY KEY("integration","account_id")
);
--> statement-breakpoint
CREATE TABLE "sync_cursors" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"cursor" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_cursors_pk" PRIMARY KEY("integration","account_id")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"integration" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"counters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" jsonb,
	CONSTRAINT "sync_runs_status_check" CHECK ("sync_runs"."status" in ('running', 'succeeded', 'failed', 'partial'))
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"order_external_id" text NOT NULL,
	"external_id" text NOT NULL,
	"sku" text,
	"quantity" numeric NOT NULL,
	"price" numeric(20, 4) NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_lines_pk" PRIMARY KEY("integration","account_id","order_external_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"financial_status" text,
	"gross" numeric(20, 4) NOT NULL,
	"refunds" numeric(20, 4) DEFAULT '0' NOT NULL,
	"net" numeric(20, 4) NOT NULL,
	"fees" numeric(20, 4),
	"test" boolean DEFAULT false NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_pk" PRIMARY KEY("integration","account_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"external_id" text NOT NULL,
	"sku" text,
	"title" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_pk" PRIMARY KEY("integration","account_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "assembly_jobs" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"external_id" text NOT NULL,
	"status" text NOT NULL,
	"product_code" text NOT NULL,
	"quantity" numeric NOT NULL,
	"due_date" date,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assembly_jobs_pk" PRIMARY KEY("integration","account_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "balance_sheet_snapshots" (
	"integration" text NOT NULL,
	"tenant_id" text NOT NULL,
	"as_of" date NOT NULL,
	"currency" text NOT NULL,
	"figures" jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "balance_sheet_snapshots_pk" PRIMARY KEY("integration","tenant_id","as_of")
);
--> statement-breakpoint
CREATE TABLE "forecasts" (
	"job_id" text NOT NULL,
	"sku" text NOT NULL,
	"horizon_days" integer NOT NULL,
	"points" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forecasts_pk" PRIMARY KEY("job_id","sku")
);
--> statement-breakpoint
CREATE TABLE "inventory_snapshots" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"sku" text NOT NULL,
	"location" text NOT NULL,
	"quantity" numeric NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_snapshots_pk" PRIMARY KEY("integration","account_id","sku","location")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_fk" FOREIGN KEY ("integration","account_id","order_external_id") REFERENCES "public"."orders"("integration","account_id","external_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_runs_integration_started_idx" ON "sync_runs" USING btree ("integration","started_at");--> statement-breakpoint
CREATE INDEX "order_lines_sku_idx" ON "order_lines" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "orders_account_created_idx" ON "orders" USING btree ("integration","account_id","created_at");--> statement-breakpoint
CREATE INDEX "products_sku_idx" ON "products" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "assembly_jobs_status_idx" ON "assembly_jobs" USING btree ("integration","account_id","status");--> statement-breakpoint
CREATE INDEX "forecasts_sku_created_idx" ON "forecasts" USING btree ("sku","created_at");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "outbox" USING btree ("created_at","id") WHERE "outbox"."published_at" is null;