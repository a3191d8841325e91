import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { inFileScope } from '../../../platform/files/policies.js';
import { files } from '../../../platform/files/tables.js';
import { type Lang, t } from '../../../platform/i18n/messages.js';
import type { FrameworkDefinition } from '../framework.js';
import type { TeamRole } from '../vocabulary.js';
import {
  evaluationFrameworks,
  evaluationIndicators,
  evaluationMembers,
  evaluations,
} from './tables.js';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type IndicatorRow = typeof evaluationIndicators.$inferSelect;

export async function findFramework(db: Executor, id: string): Promise<FrameworkDefinition | null> {
  const [row] = await db
    .select({ definition: evaluationFrameworks.definition })
    .from(evaluationFrameworks)
    .where(eq(evaluationFrameworks.id, id));
  return row?.definition ?? null;
}

/** The framework, or a 404 problem naming it (an unknown framework is the caller's mistake). */
export async function requireFramework(db: Executor, id: string, lang: Lang) {
  const def = await findFramework(db, id);
  if (!def) {
    throw new AppError('NOT_FOUND', {
      detailKey: 'evaluation.unknownFramework',
      detailParams: { id },
      errors: [{ path: '/frameworkId', message: t(lang, 'evaluation.unknownFramework', { id }) }],
    });
  }
  return def;
}

export async function findEvaluationById(db: Executor, id: string, lock = false) {
  const q = db.select().from(evaluations).where(eq(evaluations.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function teamRoleOf(
  db: Executor,
  evaluationId: string,
  actor: Actor | null,
): Promise<TeamRole | null> {
  if (actor?.type !== 'user') return null;
  const [row] = await db
    .select({ role: evaluationMembers.role })
    .from(evaluationMembers)
    .where(
      and(eq(evaluationMembers.evaluationId, evaluationId), eq(evaluationMembers.userId, actor.id)),
    );
  return row?.role ?? null;
}

export async function findIndicators(db: Executor, evaluationId: string) {
  return db
    .select()
    .from(evaluationIndicators)
    .where(eq(evaluationIndicators.evaluationId, evaluationId))
    .orderBy(asc(evaluationIndicators.indicatorNo));
}

/** Evidence files must exist and be readable by the actor (the agency scope of platform/files). */
export async function checkFileIds(
  db: Executor,
  actor: Actor | null,
  lang: Lang,
  ids: string[],
  path: string,
): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: files.id, agencyId: files.agencyId })
    .from(files)
    .where(inArray(files.id, ids));
  const ok = new Set(found.filter((f) => inFileScope(actor, f.agencyId)).map((f) => f.id));
  return ids.flatMap((id, i) =>
    ok.has(id) ? [] : [{ path: `${path}/${i}`, message: t(lang, 'workflow.attachmentInvalid') }],
  );
}

export function throwIfInvalid(errors: FieldError[]) {
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
}
