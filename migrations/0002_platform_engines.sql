CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"original_name" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"interval_seconds" integer NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"last_run_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"instance_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"transition" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"comment" text,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_events_instance_id_seq_pk" PRIMARY KEY("instance_id","seq")
);
--> statement-breakpoint
CREATE TABLE "workflow_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" text NOT NULL,
	"workflow_version" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"state" text NOT NULL,
	"state_entered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_instance_id_workflow_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_date_name_key" ON "holidays" USING btree ("date","name");--> statement-breakpoint
CREATE INDEX "files_agency_idx" ON "files" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_mails_status_idx" ON "outbox_mails" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_instances_subject_key" ON "workflow_instances" USING btree ("workflow_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "workflow_instances_agency_state_idx" ON "workflow_instances" USING btree ("agency_id","state");--> statement-breakpoint
CREATE INDEX "workflow_instances_due_idx" ON "workflow_instances" USING btree ("due_at");--> statement-breakpoint
-- National holidays and cuti bersama 2026, per the SKB of the Menteri Agama, Menteri
-- Ketenagakerjaan and Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025 and Nomor 5 Tahun
-- 2025 (announced 19 September 2025): 17 national holidays and 8 days of cuti bersama. The Islamic
-- dates (Isra Mikraj, Idul Fitri, Idul Adha, 1 Muharam, Maulid) are by hisab and may move after
-- the government's sidang isbat: correct the row then. Regional holidays (e.g. Bali's Galungan
-- and Kuningan for Tabanan) are the Pemda's to add; none are seeded.
INSERT INTO "holidays" ("date", "name", "kind", "source") VALUES
  ('2026-01-01', 'Tahun Baru 2026 Masehi', 'national', 'SKB 3 Menteri 2026'),
  ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'national', 'SKB 3 Menteri 2026'),
  ('2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'national', 'SKB 3 Menteri 2026'),
  ('2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'national', 'SKB 3 Menteri 2026'),
  ('2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-03-21', 'Idul Fitri 1447 H', 'national', 'SKB 3 Menteri 2026'),
  ('2026-03-22', 'Idul Fitri 1447 H (hari kedua)', 'national', 'SKB 3 Menteri 2026'),
  ('2026-03-23', 'Cuti bersama Idul Fitri 1447 H', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-03-24', 'Cuti bersama Idul Fitri 1447 H', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-04-03', 'Wafat Yesus Kristus', 'national', 'SKB 3 Menteri 2026'),
  ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'national', 'SKB 3 Menteri 2026'),
  ('2026-05-01', 'Hari Buruh Internasional', 'national', 'SKB 3 Menteri 2026'),
  ('2026-05-14', 'Kenaikan Yesus Kristus', 'national', 'SKB 3 Menteri 2026'),
  ('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-05-27', 'Idul Adha 1447 H', 'national', 'SKB 3 Menteri 2026'),
  ('2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'national', 'SKB 3 Menteri 2026'),
  ('2026-06-01', 'Hari Lahir Pancasila', 'national', 'SKB 3 Menteri 2026'),
  ('2026-06-16', '1 Muharam Tahun Baru Islam 1448 H', 'national', 'SKB 3 Menteri 2026'),
  ('2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia', 'national', 'SKB 3 Menteri 2026'),
  ('2026-08-25', 'Maulid Nabi Muhammad SAW', 'national', 'SKB 3 Menteri 2026'),
  ('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'cuti_bersama', 'SKB 3 Menteri 2026'),
  ('2026-12-25', 'Kelahiran Yesus Kristus', 'national', 'SKB 3 Menteri 2026');
