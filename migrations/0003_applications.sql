CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"complexity" text,
	"national_application_id" uuid,
	"national_relation" text,
	"description" text,
	"url" text,
	"subdomain" text,
	"hosting_location" text NOT NULL,
	"data_classification" text NOT NULL,
	"technology_stack" text,
	"source_repository_url" text,
	"vendor_name" text,
	"handover_date" date,
	"handover_status" text,
	"status" text DEFAULT 'active' NOT NULL,
	"registered_on" date DEFAULT current_date NOT NULL,
	"last_audit_date" date,
	"audit_due_date" date GENERATED ALWAYS AS ((coalesce("last_audit_date", "registered_on") + interval '2 years')::date) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"area" text NOT NULL,
	"source" text NOT NULL,
	"version" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_national_application_id_national_applications_id_fk" FOREIGN KEY ("national_application_id") REFERENCES "public"."national_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_documents_version_key" ON "application_documents" USING btree ("application_id","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_agency_name_key" ON "applications" USING btree ("agency_id",lower("name"));--> statement-breakpoint
CREATE INDEX "applications_name_idx" ON "applications" USING btree ("name");--> statement-breakpoint
CREATE INDEX "applications_audit_due_idx" ON "applications" USING btree ("audit_due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "national_applications_code_key" ON "national_applications" USING btree ("code");--> statement-breakpoint
-- The national aplikasi umum and mandatory national systems a regency registers or must not
-- duplicate (Perpres 95/2018; see ../shared/reference/indonesia-context.md §2). Reference data:
-- `version` is the edition of this list, `source` the basis of each entry.
INSERT INTO "national_applications" ("code", "name", "owner", "area", "source", "version") VALUES
  ('srikandi', 'SRIKANDI (Sistem Informasi Kearsipan Dinamis Terintegrasi)', 'ANRI', 'Kearsipan dinamis dan naskah dinas', 'KepmenPANRB 679/2020 tentang Aplikasi Umum Bidang Kearsipan Dinamis; Peraturan ANRI 4/2021', '2026.1'),
  ('sp4n-lapor', 'SP4N-LAPOR!', 'KemenPANRB', 'Pengelolaan pengaduan pelayanan publik', 'Aplikasi umum bidang pengelolaan pengaduan pelayanan publik (Perpres 95/2018); PermenPANRB 62/2018', '2026.1'),
  ('sipd', 'SIPD (Sistem Informasi Pemerintahan Daerah)', 'Kemendagri', 'Perencanaan, penganggaran dan keuangan daerah', 'Permendagri 70/2019 tentang Sistem Informasi Pemerintahan Daerah', '2026.1'),
  ('e-kinerja', 'e-Kinerja BKN', 'BKN', 'Manajemen kinerja ASN', 'SE BKN 11/2023', '2026.1'),
  ('siasn', 'SIASN (Sistem Informasi ASN)', 'BKN', 'Manajemen kepegawaian', 'Sistem nasional wajib; dasar penetapan sebagai aplikasi umum belum diverifikasi', '2026.1'),
  ('siak', 'SIAK (Sistem Informasi Administrasi Kependudukan)', 'Kemendagri (Ditjen Dukcapil)', 'Administrasi kependudukan', 'UU 23/2006 jo. UU 24/2013 tentang Administrasi Kependudukan', '2026.1'),
  ('spse', 'SPSE (Sistem Pengadaan Secara Elektronik)', 'LKPP', 'Pengadaan barang/jasa', 'Perpres 16/2018 jo. Perpres 12/2021 tentang Pengadaan Barang/Jasa Pemerintah', '2026.1'),
  ('jdih', 'JDIH (Jaringan Dokumentasi dan Informasi Hukum)', 'BPHN', 'Dokumentasi dan informasi hukum', 'Perpres 33/2012 tentang Jaringan Dokumentasi dan Informasi Hukum Nasional', '2026.1'),
  ('mpp-digital', 'MPP Digital (Mal Pelayanan Publik Digital)', 'KemenPANRB', 'Pelayanan publik terpadu', 'Prioritas Perpres 82/2023 tentang Percepatan Transformasi Digital', '2026.1');
