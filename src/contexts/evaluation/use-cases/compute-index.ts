import type { Executor } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/i18n/messages.js';
import { requireFramework } from '../db/queries.js';
import { checkLevels, computeIndex, presentIndex } from '../index-engine.js';

/**
 * The index of a complete set of levels against a framework in the database — the engine behind
 * `simpul evaluation compute` and `POST /api/v1/evaluation/compute`. Refuses an unknown framework
 * (404), and levels outside the scale, unknown or missing indicators (400, each named).
 */
export async function computeFrameworkIndex(
  db: Executor,
  lang: Lang,
  input: { frameworkId: string; levels: Record<string, unknown> },
) {
  const def = await requireFramework(db, input.frameworkId, lang);
  const errors = checkLevels(def, input.levels, lang);
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  const levels = new Map(Object.entries(input.levels).map(([k, v]) => [Number(k), v as number]));
  return { frameworkId: def.id, ...presentIndex(computeIndex(def, levels)) };
}
