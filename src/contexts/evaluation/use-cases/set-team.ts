import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { type FieldError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { users } from '../../identity/index.js';
import { openEvaluation, requireStage } from '../access.js';
import { throwIfInvalid } from '../db/queries.js';
import { evaluationIndicators, evaluationMembers } from '../db/tables.js';
import { loadEvaluationView } from '../evaluation-view.js';
import { EVALUATION_SUBJECT } from '../evaluation-workflow.js';
import { canManageTeam } from '../policies.js';
import type { TeamRole } from '../vocabulary.js';

export interface TeamInput {
  members: { userId: string; role: TeamRole; function?: string | null }[];
}

/**
 * Sets the Tim Asesor Internal (PermenPANRB 59/2020 Lampiran p.82–84): exactly one Koordinator
 * SPBE, and penanggung jawab, pelaksana entri data and anggota drawn from Simpul's users. A
 * member who leaves gives back the indicators assigned to them.
 */
export async function setTeam(ctx: Ctx, id: string, input: TeamInput) {
  return inTransaction(ctx, async (tx) => {
    const { ev, role, stage } = await openEvaluation(tx, ctx, id);
    if (!canManageTeam(ctx.actor, role)) throw forbidden();
    requireStage(stage, ['self_assessment', 'internal_validation']);
    const errors: FieldError[] = [];
    const ids = input.members.map((m) => m.userId);
    const known = new Set(
      ids.length
        ? (await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids))).map(
            (u) => u.id,
          )
        : [],
    );
    const seen = new Set<string>();
    input.members.forEach((m, i) => {
      if (!known.has(m.userId)) {
        errors.push({
          path: `/members/${i}/userId`,
          message: t(ctx.lang, 'evaluation.userUnknown'),
        });
      } else if (seen.has(m.userId)) {
        errors.push({
          path: `/members/${i}/userId`,
          message: t(ctx.lang, 'evaluation.duplicateMember'),
        });
      }
      seen.add(m.userId);
    });
    if (input.members.filter((m) => m.role === 'coordinator').length !== 1) {
      errors.push({ path: '/members', message: t(ctx.lang, 'evaluation.coordinatorRequired') });
    }
    throwIfInvalid(errors);
    const before = await tx
      .select()
      .from(evaluationMembers)
      .where(eq(evaluationMembers.evaluationId, id));
    await tx.delete(evaluationMembers).where(eq(evaluationMembers.evaluationId, id));
    await tx.insert(evaluationMembers).values(
      input.members.map((m) => ({
        evaluationId: id,
        userId: m.userId,
        role: m.role,
        function: m.function?.trim() || null,
      })),
    );
    await tx
      .update(evaluationIndicators)
      .set({ assigneeId: null })
      .where(
        and(
          eq(evaluationIndicators.evaluationId, id),
          notInArray(evaluationIndicators.assigneeId, ids),
        ),
      );
    await recordAuditEvent(tx, ctx, {
      action: 'evaluation.team.set',
      entityType: EVALUATION_SUBJECT,
      entityId: id,
      before: before.map((m) => ({ userId: m.userId, role: m.role })),
      after: input.members.map((m) => ({ userId: m.userId, role: m.role })),
    });
    return loadEvaluationView(ctx, tx, ev);
  });
}
