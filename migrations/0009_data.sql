CREATE TABLE "data_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"frequency" text NOT NULL,
	"classification" text DEFAULT 'public' NOT NULL,
	"dataset_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"agency_id" uuid,
	"client_hash" text NOT NULL,
	"handled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"url" text,
	"file_id" uuid,
	"file_sha256" text,
	"file_name" text,
	"media_type" text,
	"size" integer,
	"table_schema" jsonb,
	"validation" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"checklist" jsonb NOT NULL,
	"decision" text NOT NULL,
	"note" text,
	"reviewer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_rows" (
	"resource_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "data_rows_resource_id_row_no_pk" PRIMARY KEY("resource_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"topic" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"frequency" text NOT NULL,
	"temporal_start" date,
	"temporal_end" date,
	"spatial_coverage" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"classification" text DEFAULT 'public' NOT NULL,
	"license_id" text DEFAULT 'cc-by-4.0' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"standard" jsonb NOT NULL,
	"reference_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"year" integer,
	"quality_score" integer DEFAULT 0 NOT NULL,
	"search" "tsvector",
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_reference_codes" (
	"list_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"parent_code" text,
	CONSTRAINT "data_reference_codes_list_id_code_pk" PRIMARY KEY("list_id","code")
);
--> statement-breakpoint
CREATE TABLE "data_reference_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"valid_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_comments" ADD CONSTRAINT "data_comments_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_comments" ADD CONSTRAINT "data_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_plans" ADD CONSTRAINT "data_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_plans" ADD CONSTRAINT "data_plans_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_resources" ADD CONSTRAINT "data_resources_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_reviews" ADD CONSTRAINT "data_reviews_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_reviews" ADD CONSTRAINT "data_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_rows" ADD CONSTRAINT "data_rows_resource_id_data_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."data_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_reference_codes" ADD CONSTRAINT "data_reference_codes_list_id_data_reference_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."data_reference_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_comments_dataset_idx" ON "data_comments" USING btree ("dataset_id");--> statement-breakpoint
CREATE INDEX "data_plans_agency_year_idx" ON "data_plans" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "data_requests_client_idx" ON "data_requests" USING btree ("client_hash","created_at");--> statement-breakpoint
CREATE INDEX "data_resources_dataset_idx" ON "data_resources" USING btree ("dataset_id","position");--> statement-breakpoint
CREATE INDEX "data_reviews_dataset_idx" ON "data_reviews" USING btree ("dataset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_name_key" ON "datasets" USING btree ("name");--> statement-breakpoint
CREATE INDEX "datasets_agency_idx" ON "datasets" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "datasets_public_idx" ON "datasets" USING btree ("state","classification","updated_at");--> statement-breakpoint
CREATE INDEX "datasets_search_idx" ON "datasets" USING gin ("search");--> statement-breakpoint
CREATE INDEX "datasets_tags_idx" ON "datasets" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "data_reference_lists_key" ON "data_reference_lists" USING btree ("code","version");