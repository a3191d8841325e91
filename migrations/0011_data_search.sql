CREATE TABLE "data_search" (
	"dataset_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"tags" text[] NOT NULL,
	"formats" text[] NOT NULL,
	"license_id" text NOT NULL,
	"year" integer,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_search" ADD CONSTRAINT "data_search_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_search_search_idx" ON "data_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "data_search_updated_idx" ON "data_search" USING btree ("updated_at");