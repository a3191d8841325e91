import type { Ctx } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import { buildFile } from '../../../platform/files/testing/factories.js';
import { buildUser } from '../../identity/testing/factories.js';
import type { EvaluationStage } from '../evaluation-workflow.js';
import { createEvaluation } from '../use-cases/create-evaluation.js';
import { recordExternalLevels } from '../use-cases/record-external-levels.js';
import { selfAssessIndicator } from '../use-cases/self-assess-indicator.js';
import { setBeritaAcara } from '../use-cases/set-berita-acara.js';
import { takeEvaluationTransition } from '../use-cases/take-evaluation-transition.js';

/**
 * The year's evaluation brought to `stage` through the use cases, as a new Diskominfo admin who
 * is its Koordinator SPBE: every indicator self-assessed at 3, validation started, a Berita Acara
 * uploaded (into the store under `rootDir`) and submitted, the external levels recorded. Audited
 * like any other; needs the Dinas Kominfo (ensureKominfo).
 */
export async function buildEvaluation(
  ctx: Ctx,
  rootDir: string,
  { year, stage = 'self_assessment' }: { year: number; stage?: EvaluationStage },
) {
  const user = await buildUser(ctx, { roles: ['kominfo_admin'] });
  const as: Ctx = {
    ...ctx,
    actor: {
      type: 'user',
      id: user.id,
      email: user.email,
      name: user.name,
      agencyId: user.agencyId,
      roles: user.roles.map((r) => ({ role: r.role as Role, agencyId: r.agencyId })),
      via: 'session',
      mustChangePassword: false,
    },
  };
  const created = await createEvaluation(as, { year, frameworkId: 'permenpanrb-59-2020' });
  const order: EvaluationStage[] = [
    'self_assessment',
    'internal_validation',
    'submitted',
    'completed',
  ];
  const upTo = order.indexOf(stage);
  if (upTo >= 1) {
    for (const ind of created.indicators) {
      await selfAssessIndicator(as, created.id, ind.no, { level: 3 });
    }
    await takeEvaluationTransition(as, created.id, { transition: 'start_validation' });
  }
  if (upTo >= 2) {
    const file = await buildFile(as, rootDir, user.agencyId as string, {
      name: `berita-acara-${year}.pdf`,
    });
    await setBeritaAcara(as, created.id, { fileId: file.id });
    await takeEvaluationTransition(as, created.id, { transition: 'submit' });
  }
  if (upTo >= 3) {
    await recordExternalLevels(as, created.id, {
      levels: Object.fromEntries(created.indicators.map((i) => [String(i.no), 3])),
      source: `KepmenPANRB uji ${year}`,
    });
    await takeEvaluationTransition(as, created.id, { transition: 'record_external_result' });
  }
  return created;
}
