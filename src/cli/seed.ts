import { seedDemo } from '../demo/seed-demo.js';
import { systemCtx } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import { createFileStoreFromEnv } from '../platform/files/file-store-from-env.js';
import { openRuntime } from '../runtime.js';

/** `simpul seed --demo`: the demo regency, once (an existing registry is left alone). */
export async function seed(config: Config) {
  const { database, secrets } = await openRuntime(config);
  try {
    const result = await seedDemo(systemCtx(database.db, secrets, 'seed'), {
      fileStore: createFileStoreFromEnv(process.env, config.dataDir),
    });
    console.log(
      result
        ? `Data demo dimuat: ${result.agencies} Perangkat Daerah, ${result.users} pengguna, ${result.applications} aplikasi, ${result.hostingRequests} permohonan hosting. Kata sandi semua akun demo: ${result.password}`
        : 'Registri sudah berisi data; data demo tidak dimuat.',
    );
  } finally {
    await database.close();
  }
}
