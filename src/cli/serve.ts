import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { complianceReminderJob, complianceSnapshotJob } from '../contexts/compliance/index.js';
import { backupOverdueReminderJob } from '../contexts/datacenter/index.js';
import { createAdmin, hasAnyAdmin } from '../contexts/identity/index.js';
import { seedDemo } from '../demo/seed-demo.js';
import { controlPlaneSource } from '../gateway/control-plane-source.js';
import { startGateway } from '../gateway/server.js';
import { systemCtx } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import { createFileStoreFromEnv } from '../platform/files/file-store-from-env.js';
import { startScheduler } from '../platform/jobs/scheduler.js';
import { outboxDrainJob } from '../platform/notifications/drain-outbox.js';
import { mailerFromEnv } from '../platform/notifications/mailer.js';
import { openRuntime } from '../runtime.js';

/**
 * `simpul serve`: migrate, bootstrap the first admin (or say how), listen, and shut down
 * gracefully on SIGTERM/SIGINT.
 */
export async function serve(config: Config, options: { demo: boolean }) {
  const started = performance.now();
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pgdata'))) {
    // Creating an embedded database (initdb in WebAssembly) leaves hundreds of MB of garbage an
    // idle server never collects: do it in a short-lived `simpul migrate` process instead.
    // From source (`npm run dev`) the child keeps tsx's loader flags (process.execArgv).
    const init = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1] ?? '', 'migrate', '--data', config.dataDir],
      {
        stdio: 'inherit',
      },
    );
    if (init.status !== 0) throw new Error('Creating the embedded database failed');
  }
  const { database, secrets } = await openRuntime(config);
  const app = await buildApp({ config, database, secrets });
  const ctx = systemCtx(database.db, secrets, 'serve');

  if (options.demo) {
    // The same store as the app's (same environment, same data directory): demo files land where
    // downloads read. (`app.fileStore` is decorated inside the routes' encapsulated scope, so it is
    // not visible here.)
    const seeded = await seedDemo(ctx, {
      fileStore: createFileStoreFromEnv(process.env, config.dataDir),
    });
    if (seeded) app.log.info(seeded, 'demo regency loaded');
  }
  if (!(await hasAnyAdmin(ctx))) {
    if (config.bootstrapAdmin) {
      await createAdmin(ctx, config.bootstrapAdmin);
      app.log.info({ email: config.bootstrapAdmin.email }, 'first Diskominfo admin created');
    } else {
      app.log.warn(
        'Belum ada Admin Diskominfo. Buat dengan: npx simpul admin create --email admin@contoh.go.id ' +
          '--password-stdin  (atau jalankan serve dengan SIMPUL_ADMIN_EMAIL dan SIMPUL_ADMIN_PASSWORD).',
      );
    }
  }

  await app.listen({ port: config.port, host: config.host });
  // Scheduled jobs run once across every node sharing the database (an atomic claim per job).
  const stopJobs = startScheduler({
    db: database.db,
    secrets,
    nodeId: `${hostname()}:${process.pid}`,
    jobs: [
      outboxDrainJob(mailerFromEnv()),
      backupOverdueReminderJob,
      complianceSnapshotJob,
      complianceReminderJob,
    ],
  });
  const gateway = await startGateway({
    db: database.db,
    secrets,
    dataDir: config.dataDir,
    source: controlPlaneSource(database, secrets),
    port: config.gatewayPort,
    host: config.host,
    nodeId: `${hostname()}:${process.pid}`,
    logger: app.log.child({ component: 'gateway' }),
    redisUrl: process.env.REDIS_URL || undefined,
    metricsToken: config.metricsToken,
  });
  app.log.info(
    {
      console: `${config.publicUrl}/console/`,
      gatewayPort: config.gatewayPort,
      database: database.driver,
      readyMs: Math.round(performance.now() - started),
    },
    'Simpul siap',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    // The gateway drains first: its in-flight exchanges still need the database for their records.
    await gateway.stop();
    await stopJobs();
    await app.close();
    await database.close();
    clearTimeout(force);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
