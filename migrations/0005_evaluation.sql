CREATE TABLE "evaluation_frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"valid_from_year" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_indicators" (
	"evaluation_id" uuid NOT NULL,
	"indicator_no" integer NOT NULL,
	"assignee_id" uuid,
	"self_level" integer,
	"explanation" text,
	"evidence_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_by" uuid,
	"self_at" timestamp with time zone,
	"validated_level" integer,
	"validation_note" text,
	"validated_by" uuid,
	"validated_at" timestamp with time zone,
	"external_level" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_indicators_evaluation_id_indicator_no_pk" PRIMARY KEY("evaluation_id","indicator_no")
);
--> statement-breakpoint
CREATE TABLE "evaluation_members" (
	"evaluation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"function" text,
	CONSTRAINT "evaluation_members_evaluation_id_user_id_pk" PRIMARY KEY("evaluation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"framework_id" text NOT NULL,
	"framework" jsonb NOT NULL,
	"agency_id" uuid NOT NULL,
	"berita_acara_file_id" uuid,
	"external_source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_year_unique" UNIQUE("year")
);
--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_self_by_users_id_fk" FOREIGN KEY ("self_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_framework_id_evaluation_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."evaluation_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_berita_acara_file_id_files_id_fk" FOREIGN KEY ("berita_acara_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_indicators_assignee_idx" ON "evaluation_indicators" USING btree ("assignee_id");