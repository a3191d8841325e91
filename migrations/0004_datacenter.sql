CREATE TABLE "datacenter_access_authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_name" text NOT NULL,
	"agency_id" uuid,
	"affiliation" text,
	"position" text,
	"system" text NOT NULL,
	"device_id" uuid,
	"application_id" uuid,
	"authority" text NOT NULL,
	"granted_by" text NOT NULL,
	"granted_on" date NOT NULL,
	"review_on" date,
	"revoked_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datacenter_activity_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"person_name" text NOT NULL,
	"agency_id" uuid,
	"affiliation" text,
	"purpose" text NOT NULL,
	"device_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backup_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"system_name" text NOT NULL,
	"application_id" uuid,
	"frequency" text NOT NULL,
	"location" text NOT NULL,
	"offsite_copy" boolean DEFAULT false NOT NULL,
	"offsite_location" text,
	"retention_days" integer,
	"notes" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "backup_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"backup_on" date NOT NULL,
	"result" text NOT NULL,
	"size_bytes" bigint,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datacenter_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"brand" text,
	"model" text,
	"serial_number" text,
	"location" text,
	"rack" text,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"acquired_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hosting_allocations" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"host_name" text NOT NULL,
	"ip_address" text,
	"device_id" uuid,
	"vcpu" integer,
	"ram_gb" integer,
	"storage_gb" integer,
	"bandwidth_mbps" integer,
	"allocated_on" date NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hosting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"application_name" text NOT NULL,
	"application_id" uuid,
	"description" text,
	"vcpu" integer,
	"ram_gb" integer,
	"storage_gb" integer,
	"bandwidth_mbps" integer,
	"operating_system" text,
	"domain" text,
	"data_classification" text NOT NULL,
	"backup_plan" text,
	"disaster_recovery_plan" text,
	"last_restore_test_on" date,
	"test_round" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hosting_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"checklist" jsonb NOT NULL,
	"findings" text,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restore_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"tested_on" date NOT NULL,
	"result" text NOT NULL,
	"duration_minutes" integer,
	"notes" text,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datacenter_access_authorities" ADD CONSTRAINT "datacenter_access_authorities_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datacenter_access_authorities" ADD CONSTRAINT "datacenter_access_authorities_device_id_datacenter_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."datacenter_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datacenter_activity_records" ADD CONSTRAINT "datacenter_activity_records_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datacenter_activity_records" ADD CONSTRAINT "datacenter_activity_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_policies" ADD CONSTRAINT "backup_policies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_reports" ADD CONSTRAINT "backup_reports_policy_id_backup_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."backup_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_reports" ADD CONSTRAINT "backup_reports_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datacenter_devices" ADD CONSTRAINT "datacenter_devices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_allocations" ADD CONSTRAINT "hosting_allocations_request_id_hosting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."hosting_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_allocations" ADD CONSTRAINT "hosting_allocations_device_id_datacenter_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."datacenter_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_allocations" ADD CONSTRAINT "hosting_allocations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_requests" ADD CONSTRAINT "hosting_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_requests" ADD CONSTRAINT "hosting_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_tests" ADD CONSTRAINT "hosting_tests_request_id_hosting_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."hosting_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosting_tests" ADD CONSTRAINT "hosting_tests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_tests" ADD CONSTRAINT "restore_tests_policy_id_backup_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."backup_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_tests" ADD CONSTRAINT "restore_tests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "datacenter_access_authorities_agency_idx" ON "datacenter_access_authorities" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "datacenter_access_authorities_device_idx" ON "datacenter_access_authorities" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "datacenter_activity_records_started_idx" ON "datacenter_activity_records" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "backup_policies_agency_idx" ON "backup_policies" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "backup_reports_policy_idx" ON "backup_reports" USING btree ("policy_id","backup_on");--> statement-breakpoint
CREATE INDEX "datacenter_devices_agency_idx" ON "datacenter_devices" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "datacenter_devices_kind_idx" ON "datacenter_devices" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "hosting_requests_agency_idx" ON "hosting_requests" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "hosting_requests_application_idx" ON "hosting_requests" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hosting_tests_round_key" ON "hosting_tests" USING btree ("request_id","round");--> statement-breakpoint
CREATE INDEX "restore_tests_policy_idx" ON "restore_tests" USING btree ("policy_id","tested_on");