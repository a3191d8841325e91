import { join } from 'node:path';
import type { SecretBox } from '../platform/crypto/secrets.js';
import type { Db } from '../platform/db/client.js';
import { loadSealKey, sealExchangeLog } from './exchange-log/seal.js';
import { ExchangeLog } from './exchange-log/writer.js';
import { Gateway, type GatewayLogger } from './gateway.js';
import { createGatewayMetrics } from './metrics.js';
import { memoryRateLimiter, redisRateLimiter } from './rate-limiter.js';
import type { SnapshotSource } from './snapshot.js';

export interface StartGatewayOptions {
  db: Db;
  secrets: SecretBox;
  /** Holds the sealing key and the node's exchange journal (`gateway-spool/`). */
  dataDir: string;
  source: SnapshotSource;
  port: number;
  host?: string;
  nodeId: string;
  logger: GatewayLogger;
  /** Shared rate-limit counters for several gateway nodes. */
  redisUrl?: string;
  metricsToken?: string;
  /** How often the chain head is sealed (Ed25519). */
  sealIntervalMs?: number;
  pollIntervalMs?: number;
  healthCheckIntervalMs?: number;
  circuitFailures?: number;
  circuitOpenMs?: number;
  /** Largest upstream answer relayed (default 32 MB); a larger one is cut off. */
  maxResponseBytes?: number;
}

export interface RunningGateway {
  gateway: Gateway;
  port: number;
  log: ExchangeLog;
  /** Graceful: stop accepting, drain in-flight exchanges and the log, seal the head. */
  stop(): Promise<void>;
}

/** Starts the gateway data plane: exchange log, sealer, rate limiter, config polling, listener. */
export async function startGateway(o: StartGatewayOptions): Promise<RunningGateway> {
  const metrics = createGatewayMetrics();
  const log = new ExchangeLog({
    db: o.db,
    spoolDir: join(o.dataDir, 'gateway-spool'),
    onFlush: ({ records }) => {
      metrics.logFlushRecords.observe(records);
      metrics.logSpooled.inc(records);
    },
    onShip: ({ records }) => metrics.logShipped.inc(records),
    onError: (error, phase) =>
      o.logger.warn(
        { err: error, phase },
        phase === 'write'
          ? 'exchange log: the local journal cannot be written; exchanges are refused'
          : 'exchange log: journal not shipped to the database yet (kept on disk, retried)',
      ),
  });
  const limiter = o.redisUrl ? await redisRateLimiter(o.redisUrl) : memoryRateLimiter();
  const gateway = new Gateway({
    source: o.source,
    log,
    limiter,
    metrics,
    logger: o.logger,
    nodeId: o.nodeId,
    metricsToken: o.metricsToken,
    pollIntervalMs: o.pollIntervalMs,
    healthCheckIntervalMs: o.healthCheckIntervalMs,
    circuitFailures: o.circuitFailures,
    circuitOpenMs: o.circuitOpenMs,
    maxResponseBytes: o.maxResponseBytes,
  });
  const key = loadSealKey(o.dataDir, o.secrets);
  const seal = () =>
    sealExchangeLog(o.db, key).catch((error) =>
      o.logger.warn({ err: error }, 'exchange log: seal not written'),
    );
  const sealTimer = setInterval(() => void seal(), o.sealIntervalMs ?? 10_000);
  sealTimer.unref();
  await gateway.start();
  const port = await gateway.listen(o.port, o.host);
  o.logger.info({ port, sealKey: key.fingerprint }, 'gateway listening');
  return {
    gateway,
    port,
    log,
    async stop() {
      clearInterval(sealTimer);
      await gateway.stop();
      await seal();
    },
  };
}
