import { text } from 'node:stream/consumers';
import { createAdmin } from '../contexts/identity/index.js';
import { systemCtx } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { renderProblem } from '../platform/http/problem.js';
import { openRuntime } from '../runtime.js';

/** `simpul admin create`: a Diskominfo admin, recorded in the audit trail as done by the CLI. */
export async function adminCreate(
  config: Config,
  opts: { email: string; name?: string; password?: string; passwordStdin?: boolean },
) {
  const password = opts.passwordStdin
    ? (await text(process.stdin)).trim()
    : (opts.password ?? process.env.SIMPUL_ADMIN_PASSWORD);
  if (!password) {
    console.error('Berikan kata sandi: --password, --password-stdin atau SIMPUL_ADMIN_PASSWORD.');
    process.exitCode = 2;
    return;
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(opts.email)) {
    console.error(`Email tidak valid: ${opts.email}`);
    process.exitCode = 2;
    return;
  }
  const { database, secrets } = await openRuntime(config);
  try {
    const user = await createAdmin(systemCtx(database.db, secrets, 'cli'), {
      email: opts.email,
      password,
      name: opts.name,
    });
    console.log(`Admin Diskominfo dibuat: ${user.email}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problem = renderProblem(error, 'cli', 'id');
    console.error(
      [problem.detail, ...(problem.errors ?? []).map((e) => `  ${e.path}: ${e.message}`)].join(
        '\n',
      ),
    );
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}
