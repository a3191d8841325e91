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
CREATE INDEX "exchange_records_request_id_idx" ON "exchange_records" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "exchange_records_api_started_idx" ON "exchange_records" USING btree ("api_id","started_at");--> statement-breakpoint
CREATE INDEX "exchange_records_consumer_started_idx" ON "exchange_records" USING btree ("consumer_id","started_at");