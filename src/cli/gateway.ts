import { hostname } from 'node:os';
import pino from 'pino';
import { controlPlaneSource } from '../gateway/control-plane-source.js';
import { loadSealKey, rotateSealKey } from '../gateway/exchange-log/seal.js';
import { verifyExchangeLog } from '../gateway/exchange-log/verify.js';
import { startGateway } from '../gateway/server.js';
import type { Config } from '../platform/config.js';
import { createSecretBox, loadSecretKey } from '../platform/crypto/secrets.js';
import { openRuntime } from '../runtime.js';

/**
 * `simpul gateway`: the data plane alone, for scale-out (several gateways on one PostgreSQL,
 * REDIS_URL for shared rate limits). SIGTERM/SIGINT drain in-flight exchanges before exit.
 */
export async function gatewayRun(config: Config) {
  const logger = pino({ level: config.logLevel, name: 'simpul-gateway' });
  const { database, secrets } = await openRuntime(config);
  const running = await startGateway({
    db: database.db,
    secrets,
    dataDir: config.dataDir,
    source: controlPlaneSource(database, secrets),
    port: config.gatewayPort,
    host: config.host,
    nodeId: `${hostname()}:${process.pid}`,
    logger,
    redisUrl: process.env.REDIS_URL || undefined,
    metricsToken: config.metricsToken,
  });
  // Read by supervisors and tests that start the gateway on port 0.
  logger.info({ port: running.port, database: database.driver }, 'Simpul gateway siap');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'gateway shutting down');
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    await running.stop();
    await database.close();
    clearTimeout(force);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** `simpul gateway verify-log`: exit 0 on an intact exchange log, 1 naming the first bad record. */
export async function gatewayVerifyLog(config: Config) {
  const { database } = await openRuntime(config);
  try {
    const result = await verifyExchangeLog(database.db);
    const keys = result.sealKeys.length > 0 ? result.sealKeys.join(', ') : '-';
    if (result.ok) {
      console.log(
        `Log pertukaran utuh: ${result.checked} rekaman, ${result.sealsChecked} segel Ed25519 sah ` +
          `(segel terakhir #${result.lastSealedSeq ?? '-'}). Sidik kunci segel: ${keys}`,
      );
      return;
    }
    console.error(
      `Log pertukaran RUSAK pada rekaman #${result.firstBrokenSeq} (${result.reason}); ` +
        `${result.checked} rekaman sebelumnya utuh.`,
    );
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/** `simpul gateway rotate-seal-key`: a new Ed25519 sealing key; old seals stay verifiable. */
export async function gatewayRotateSealKey(config: Config) {
  const secrets = createSecretBox(loadSecretKey(config.secretKey, config.dataDir));
  const before = (() => {
    try {
      return loadSealKey(config.dataDir, secrets).fingerprint;
    } catch {
      return null;
    }
  })();
  const key = rotateSealKey(config.dataDir, secrets);
  console.log(
    `Kunci segel baru: ${key.fingerprint}${before ? ` (menggantikan ${before})` : ''}. ` +
      'Mulai ulang gateway agar memakainya.',
  );
}
