import { readFileSync } from 'node:fs';
import { computeFrameworkIndex } from '../contexts/evaluation/index.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { t } from '../platform/i18n/messages.js';
import { openRuntime } from '../runtime.js';

/**
 * `simpul evaluation compute --framework ID --levels FILE`: the index of a JSON object
 * (indicator number → level) against a framework in the database, printed as JSON. Refusals go
 * to stderr, one per line, with exit code 1.
 */
export async function evaluationCompute(
  config: Config,
  opts: { framework: string; levels: string },
) {
  let levels: unknown;
  try {
    levels = JSON.parse(readFileSync(opts.levels, 'utf8'));
  } catch (error) {
    throw new Error(`berkas tingkat tidak dapat dibaca sebagai JSON: ${(error as Error).message}`);
  }
  if (typeof levels !== 'object' || levels === null || Array.isArray(levels)) {
    throw new Error('berkas tingkat harus berupa objek JSON: nomor indikator → tingkat');
  }
  const { database } = await openRuntime(config);
  try {
    const result = await computeFrameworkIndex(database.db, 'id', {
      frameworkId: opts.framework,
      levels: levels as Record<string, unknown>,
    });
    console.log(JSON.stringify(result, null, 2));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { detailKey, detailParams, errors } = error.options;
    console.error(`simpul: ${t('id', detailKey ?? `error.${error.code}`, detailParams ?? {})}`);
    for (const e of errors ?? []) console.error(`  ${e.path}: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
