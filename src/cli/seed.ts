import { join } from 'node:path';
import { seedDemo } from '../demo/seed-demo.js';
import { systemCtx } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import { createFileStore } from '../platform/files/file-store.js';
import { openRuntime } from '../runtime.js';

/** `simpul seed --demo`: the demo regency, once (an existing registry is left alone). */
export async function seed(config: Config) {
  const { database, secrets } = await openRuntime(config);
  try {
    const result = await seedDemo(systemCtx(database.db, secrets, 'seed'), {
      fileStore: createFileStore(join(config.dataDir, 'files')),
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
