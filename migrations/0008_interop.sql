CREATE TABLE "interop_apis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"version" text NOT NULL,
	"description" text,
	"upstream_url" text NOT NULL,
	"visibility" text NOT NULL,
	"data_classification" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"openapi" jsonb,
	"openapi_version" text,
	"operations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"upstream_header_name" text,
	"upstream_header_sealed" text,
	"timeout_ms" integer DEFAULT 10000 NOT NULL,
	"max_request_bytes" integer DEFAULT 1048576 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interop_config_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interop_consumers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interop_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consumer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"client_id" text,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_rotated_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interop_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"alg" text NOT NULL,
	"private_jwk_sealed" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "interop_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consumer_id" uuid NOT NULL,
	"api_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"scopes" jsonb,
	"rate_per_minute" integer NOT NULL,
	"daily_quota" integer,
	"monthly_quota" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exchange_records" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_records_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" text NOT NULL,
	"api_id" uuid,
	"consumer_id" uuid,
	"subscription_id" uuid,
	"operation" text,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"latency_ms" double precision NOT NULL,
	"request_bytes" integer NOT NULL,
	"response_bytes" integer NOT NULL,
	"request_digest" text NOT NULL,
	"response_digest" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"node_id" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_seals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exchange_seals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"upto_seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"signature" text NOT NULL,
	"public_key" text NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_seals_upto_seq_unique" UNIQUE("upto_seq")
);
--> statement-breakpoint
ALTER TABLE "interop_apis" ADD CONSTRAINT "interop_apis_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interop_apis" ADD CONSTRAINT "interop_apis_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interop_consumers" ADD CONSTRAINT "interop_consumers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interop_credentials" ADD CONSTRAINT "interop_credentials_consumer_id_interop_consumers_id_fk" FOREIGN KEY ("consumer_id") REFERENCES "public"."interop_consumers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interop_credentials" ADD CONSTRAINT "interop_credentials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interop_subscriptions" ADD CONSTRAINT "interop_subscriptions_consumer_id_interop_consumers_id_fk" FOREIGN KEY ("consumer_id") REFERENCES "public"."interop_consumers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interop_subscriptions" ADD CONSTRAINT "interop_subscriptions_api_id_interop_apis_id_fk" FOREIGN KEY ("api_id") REFERENCES "public"."interop_apis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interop_subscriptions" ADD CONSTRAINT "interop_subscriptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interop_apis_route_key" ON "interop_apis" USING btree ("agency_id","slug","version");--> statement-breakpoint
CREATE INDEX "interop_apis_status_idx" ON "interop_apis" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "interop_consumers_application_key" ON "interop_consumers" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "interop_consumers_agency_idx" ON "interop_consumers" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interop_credentials_secret_key" ON "interop_credentials" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "interop_credentials_client_key" ON "interop_credentials" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "interop_credentials_consumer_idx" ON "interop_credentials" USING btree ("consumer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interop_subscriptions_open_key" ON "interop_subscriptions" USING btree ("consumer_id","api_id") WHERE "interop_subscriptions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "interop_subscriptions_api_idx" ON "interop_subscriptions" USING btree ("api_id");--> statement-breakpoint
CREATE INDEX "exchange_records_request_id_idx" ON "exchange_records" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "exchange_records_api_started_idx" ON "exchange_records" USING btree ("api_id","started_at");--> statement-breakpoint
CREATE INDEX "exchange_records_consumer_started_idx" ON "exchange_records" USING btree ("consumer_id","started_at");