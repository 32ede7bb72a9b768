CREATE TABLE "amazon_fba_inventory" (
	"marketplace_id" text NOT NULL,
	"sku" text NOT NULL,
	"asin" text,
	"fn_sku" text,
	"fulfillable" integer NOT NULL,
	"inbound_working" integer NOT NULL,
	"inbound_shipped" integer NOT NULL,
	"inbound_receiving" integer NOT NULL,
	"reserved" integer NOT NULL,
	"unfulfillable" integer NOT NULL,
	"total" integer NOT NULL,
	"last_updated_at" timestamp with time zone,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amazon_fba_inventory_pk" PRIMARY KEY("marketplace_id","sku")
);
--> statement-breakpoint
CREATE TABLE "amazon_inbound_shipment_items" (
	"marketplace_id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"sku" text NOT NULL,
	"fn_sku" text,
	"quantity_shipped" integer NOT NULL,
	"quantity_received" integer NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amazon_inbound_shipment_items_pk" PRIMARY KEY("marketplace_id","shipment_id","sku")
);
--> statement-breakpoint
CREATE TABLE "amazon_inbound_shipments" (
	"marketplace_id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"name" text,
	"status" text NOT NULL,
	"destination_center" text,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amazon_inbound_shipments_pk" PRIMARY KEY("marketplace_id","shipment_id")
);
--> statement-breakpoint
CREATE INDEX "amazon_inbound_shipments_status_idx" ON "amazon_inbound_shipments" USING btree ("marketplace_id","status");