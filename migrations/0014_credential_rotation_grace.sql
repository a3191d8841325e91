ALTER TABLE "interop_credentials" ADD COLUMN "previous_secret_hash" text;--> statement-breakpoint
ALTER TABLE "interop_credentials" ADD COLUMN "previous_prefix" text;--> statement-breakpoint
ALTER TABLE "interop_credentials" ADD COLUMN "previous_expires_at" timestamp with time zone;