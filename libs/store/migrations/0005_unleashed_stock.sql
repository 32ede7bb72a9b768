CREATE TABLE "product_stock_levels" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"product_code" text NOT NULL,
	"reorder_point" numeric,
	"min_stock_alert_level" numeric,
	"warehouses" jsonb NOT NULL,
	"obsolete" boolean NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_stock_levels_pk" PRIMARY KEY("integration","account_id","product_code")
);
--> statement-breakpoint
CREATE TABLE "stock_on_hand" (
	"integration" text NOT NULL,
	"account_id" text NOT NULL,
	"product_code" text NOT NULL,
	"warehouse_code" text NOT NULL,
	"product_description" text,
	"on_hand" numeric NOT NULL,
	"allocated" numeric NOT NULL,
	"available" numeric NOT NULL,
	"value" numeric NOT NULL,
	"source_modified_at" timestamp with time zone,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_on_hand_pk" PRIMARY KEY("integration","account_id","product_code","warehouse_code")
);
--> statement-breakpoint
ALTER TABLE "assembly_jobs" ADD COLUMN "job_number" text;--> statement-breakpoint
CREATE INDEX "product_stock_levels_account_idx" ON "product_stock_levels" USING btree ("integration","account_id");