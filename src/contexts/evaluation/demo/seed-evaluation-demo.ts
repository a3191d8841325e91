import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Actor, Ctx } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { uploadFile } from '../../../platform/files/files.js';
import { roleAssignments, users } from '../../identity/index.js';
import { evaluationIndicators, evaluations } from '../db/tables.js';
import { EVALUATION_SUBJECT } from '../evaluation-workflow.js';
import { renderBeritaAcara } from '../report/berita-acara-pdf.js';
import { assignIndicators } from '../use-cases/assign-indicators.js';
import { createEvaluation } from '../use-cases/create-evaluation.js';
import { getEvaluation } from '../use-cases/get-evaluation.js';
import { setBeritaAcara } from '../use-cases/set-berita-acara.js';
import { setTeam } from '../use-cases/set-team.js';
import { takeEvaluationTransition } from '../use-cases/take-evaluation-transition.js';
import type { TeamRole } from '../vocabulary.js';

export interface EvaluationDemoOptions {
  /** The demo's e-mail domain (`tabanankab.go.id`). */
  domain: string;
  fileStore?: FileStore;
}

/** A context acting as the demo user with that e-mail, or null when the user is missing. */
async function asUser(ctx: Ctx, email: string): Promise<Ctx | null> {
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, agencyId: users.agencyId })
    .from(users)
    .where(eq(users.email, email));
  if (!user) return null;
  const grants = await ctx.db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  const actor: Actor = {
    type: 'user',
    ...user,
    roles: grants.map((g) => ({ role: g.role as Role, agencyId: g.agencyId })),
    via: 'session',
    mustChangePassword: false,
  };
  return { ...ctx, actor };
}

/**
 * Tabanan's levels: weakest in Manajemen (domain 3) and Tata Kelola, as regencies typically are
 * (issue background).
 */
const BASE_2025 = (no: number) =>
  no >= 21 && no <= 31 ? 2 : no <= 10 ? 3 : no <= 20 ? 3 : (no % 3) + 2;

const TEAM: [local: string, role: TeamRole, fn: string][] = [
  ['sekda', 'coordinator', 'Koordinator SPBE (Sekretaris Daerah)'],
  ['asesor', 'responsible', 'organisasi dan tata laksana'],
  ['admin', 'data_entry', 'teknologi informasi dan komunikasi'],
  ['operator.bappeda', 'member', 'perencanaan'],
  ['operator.dinkes', 'member', 'pelayanan publik'],
];

/**
 * Demo evaluations for the demo regency: 2025 done with the external assessors' result,
 * and 2026 open in penilaian mandiri with most indicators answered (11–12 assigned to Bappeda,
 * 13–14 not yet assigned; all four open). Structure goes through the use cases (team, assignment, stages, Berita
 * Acara); the levels of the past years are written in bulk with one audit event per year, to
 * keep the seed fast. Does nothing when an evaluation exists.
 */
export async function seedEvaluationDemo(ctx: Ctx, options: EvaluationDemoOptions) {
  const [existing] = await ctx.db.select({ id: evaluations.id }).from(evaluations).limit(1);
  if (existing) return null;
  const coordinator = await asUser(ctx, `sekda@${options.domain}`);
  if (!coordinator) return null;
  const team = (
    await Promise.all(
      TEAM.map(async ([local, role, fn]) => {
        const [u] = await ctx.db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, `${local}@${options.domain}`));
        return u ? { userId: u.id, role, function: fn } : null;
      }),
    )
  ).filter((m) => m !== null);

  const writeLevels = async (
    id: string,
    year: number,
    level: (no: number) => {
      self: number | null;
      validated?: number;
      external?: number;
      note?: string;
    },
  ) =>
    // Read before the transaction: PGlite has one connection, which the transaction holds.
    getEvaluation(coordinator, id).then((ev) =>
      inTransaction(ctx, async (tx) => {
        for (const ind of ev.indicators) {
          const l = level(ind.no);
          await tx
            .update(evaluationIndicators)
            .set({
              selfLevel: l.self,
              explanation:
                l.self === null
                  ? null
                  : `Penjelasan penilaian mandiri indikator ${ind.no} tahun ${year}.`,
              selfAt: l.self === null ? null : new Date().toISOString(),
              validatedLevel: l.validated ?? null,
              validationNote: l.note ?? null,
              externalLevel: l.external ?? null,
            })
            .where(
              and(
                eq(evaluationIndicators.evaluationId, id),
                eq(evaluationIndicators.indicatorNo, ind.no),
              ),
            );
        }
        await recordAuditEvent(tx, ctx, {
          action: 'evaluation.demo.levels',
          entityType: EVALUATION_SUBJECT,
          entityId: id,
          after: { year },
        });
      }),
    );

  const finish = async (id: string) => {
    await takeEvaluationTransition(coordinator, id, { transition: 'start_validation' });
    if (options.fileStore) {
      const view = await getEvaluation(coordinator, id);
      const dinas = await ctx.db
        .select({ agencyId: evaluations.agencyId })
        .from(evaluations)
        .where(eq(evaluations.id, id));
      const bytes = await renderBeritaAcara(
        'Kabupaten Tabanan',
        view,
        (
          await ctx.db
            .select({ f: evaluations.framework })
            .from(evaluations)
            .where(eq(evaluations.id, id))
        )[0]?.f as never,
      );
      const file = await uploadFile(coordinator, options.fileStore, {
        agencyId: dinas[0]?.agencyId as string,
        fileName: `berita-acara-penilaian-mandiri-${view.year}-ditandatangani.pdf`,
        bytes,
      });
      await setBeritaAcara(coordinator, id, { fileId: file.id });
      await takeEvaluationTransition(coordinator, id, { transition: 'submit' });
      await takeEvaluationTransition(coordinator, id, { transition: 'record_external_result' });
    }
  };

  let created = 0;
  for (const [year, base, externalDelta] of [[2025, BASE_2025, -1]] as const) {
    const ev = await createEvaluation(coordinator, { year, frameworkId: 'permenpanrb-59-2020' });
    await setTeam(coordinator, ev.id, { members: team });
    await writeLevels(ev.id, year, (no) => {
      const self = base(no);
      // The validator lowers a few optimistic answers; the external assessors a few more.
      const validated = no % 9 === 0 && self > 1 ? self - 1 : undefined;
      const v = validated ?? self;
      const external = no % 4 === 0 ? v + externalDelta : v;
      return {
        self,
        validated,
        note: validated
          ? 'Data dukung belum menunjukkan penerapan di seluruh unit kerja.'
          : undefined,
        external: Math.max(1, external),
      };
    });
    await finish(ev.id);
    created++;
  }

  const open = await createEvaluation(coordinator, {
    year: 2026,
    frameworkId: 'permenpanrb-59-2020',
  });
  await setTeam(coordinator, open.id, { members: team });
  const bappeda = team.find((m) => m.function === 'perencanaan');
  const dinkes = team.find((m) => m.function === 'pelayanan publik');
  if (bappeda)
    await assignIndicators(coordinator, open.id, {
      indicatorNos: [11, 12],
      assigneeId: bappeda.userId,
    });
  if (dinkes)
    await assignIndicators(coordinator, open.id, {
      indicatorNos: [42, 45, 46, 47],
      assigneeId: dinkes.userId,
    });
  // Indicators 11–12 are Bappeda's, 13–14 not assigned yet: all four still to answer.
  await writeLevels(open.id, 2026, (no) => ({
    self: no >= 11 && no <= 14 ? null : Math.min(5, BASE_2025(no) + (no % 5 === 0 ? 1 : 0)),
  }));
  return { evaluations: created + 1 };
}
