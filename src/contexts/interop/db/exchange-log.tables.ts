import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * The exchange log of the Sistem Penghubung Layanan: one row per exchange that passed through the
 * gateway (X-Road's evidence model; Permenkominfo 1/2023 asks for authenticity and
 * non-repudiation of exchanged data). Rows are hash-chained (`prev_hash` → `hash`) in `seq`
 * order and sealed periodically in `exchange_seals`; the gateway only appends. No foreign keys:
 * the log must outlive the catalogue rows it names, and the gateway writes it from another process.
 */
export const exchangeRecords = pgTable(
  'exchange_records',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: text('request_id').notNull(),
    apiId: uuid('api_id'),
    consumerId: uuid('consumer_id'),
    subscriptionId: uuid('subscription_id'),
    operation: text('operation'),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    latencyMs: doublePrecision('latency_ms').notNull(),
    requestBytes: integer('request_bytes').notNull(),
    responseBytes: integer('response_bytes').notNull(),
    /** `sha-256=<base64>` of the request body as received (RFC 9530 style). */
    requestDigest: text('request_digest').notNull(),
    responseDigest: text('response_digest').notNull(),
    startedAt: ts('started_at').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    nodeId: text('node_id').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('exchange_records_request_id_idx').on(t.requestId),
    index('exchange_records_api_started_idx').on(t.apiId, t.startedAt),
    index('exchange_records_consumer_started_idx').on(t.consumerId, t.startedAt),
  ],
);

/** An Ed25519 signature over the chain head at `upto_seq` (periodic seal of the exchange log). */
export const exchangeSeals = pgTable('exchange_seals', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  uptoSeq: bigint('upto_seq', { mode: 'number' }).notNull().unique(),
  hash: text('hash').notNull(),
  signature: text('signature').notNull(),
  /** SPKI (base64 DER) of the Ed25519 key that signed; keeps verifying across key rotation. */
  publicKey: text('public_key').notNull(),
  sealedAt: ts('sealed_at').notNull(),
});
