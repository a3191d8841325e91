import type { Ctx } from '../../../platform/auth/actor.js';
import { findIndicators } from '../db/queries.js';
import { levelsAt } from '../evaluation-view.js';
import { fillMissing } from '../index-engine.js';
import { canPlan, planTarget } from '../planner.js';
import { findFrameworkOf } from '../report/framework-of.js';
import { governmentName } from '../report/government-name.js';
import { renderEvaluationReport } from '../report/pdf-report.js';
import { findEvaluations } from './find-evaluations.js';
import { getEvaluation } from './get-evaluation.js';

/**
 * The evaluation report for the Bupati (Perbup Tabanan 44/2022 Pasal 5 ayat (7) huruf d): indices
 * per stage, domain and aspect indices, the aspect radar, the trend over the years, the
 * recommendations (the planner's cheapest way to the next predikat) and the indicator table.
 */
export async function exportEvaluationReport(ctx: Ctx, id: string) {
  const view = await getEvaluation(ctx, id);
  const def = await findFrameworkOf(ctx, id);
  const trend = (await findEvaluations(ctx)).items
    .filter((e) => e.year <= view.year)
    .map((e) => ({ year: e.year, index: (e.external ?? e.validated ?? e.self)?.index ?? null }));
  const current = view.indices.external ?? view.indices.validated;
  let recommendation = null;
  if (current && canPlan(def)) {
    const next = [...def.predikat]
      .sort((a, b) => a.min - b.min)
      .find((b) => b.min > current.indexUnrounded + 1e-9);
    if (next) {
      const rows = await findIndicators(ctx.db, id);
      const base = fillMissing(
        def,
        levelsAt(rows, view.indices.external ? 'external' : 'validated'),
      );
      const plan = planTarget(def, base, next.min);
      if (plan?.reachable) {
        const names = new Map(def.indicators.map((i) => [i.no, i.name]));
        recommendation = {
          target: next.min,
          rating: next.name,
          steps: plan.steps.map((s) => ({ ...s, name: names.get(s.no) ?? '' })),
        };
      }
    }
  }
  const bytes = await renderEvaluationReport({
    lang: ctx.lang,
    government: await governmentName(ctx),
    view,
    framework: def,
    trend,
    recommendation,
  });
  return { fileName: `laporan-evaluasi-spbe-${view.year}.pdf`, bytes };
}
