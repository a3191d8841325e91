import type { Ctx } from '../../../platform/auth/actor.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findEvaluationById, findIndicators, teamRoleOf, throwIfInvalid } from '../db/queries.js';
import { levelsAt } from '../evaluation-view.js';
import { checkLevels, computeIndex, fillMissing, presentIndex } from '../index-engine.js';
import { canPlan, planTarget } from '../planner.js';
import { canReadEvaluation } from '../policies.js';

async function readable(ctx: Ctx, id: string) {
  const ev = await findEvaluationById(ctx.db, id);
  if (!ev) throw notFound();
  if (!canReadEvaluation(ctx.actor, await teamRoleOf(ctx.db, id, ctx.actor))) throw notFound();
  return ev;
}

/** The evaluation's validated levels (self where not validated; the lowest level where empty). */
async function baseLevels(ctx: Ctx, id: string) {
  const ev = await readable(ctx, id);
  const rows = await findIndicators(ctx.db, id);
  return { ev, levels: fillMissing(ev.framework, levelsAt(rows, 'validated')) };
}

/** What-if: the validated levels with some changed, and the index they would give. Changes nothing. */
export async function whatIf(ctx: Ctx, id: string, input: { levels: Record<string, number> }) {
  const { ev, levels } = await baseLevels(ctx, id);
  throwIfInvalid(checkLevels(ev.framework, input.levels, ctx.lang, { complete: false }));
  for (const [no, level] of Object.entries(input.levels)) levels.set(Number(no), level);
  return presentIndex(computeIndex(ev.framework, levels));
}

export interface PlanInput {
  targetIndex?: number;
  targetRating?: string;
  /** Indicator number → effort of one level step (1 when not given). */
  efforts?: Record<string, number>;
}

/**
 * The target planner: the cheapest level raises (by the efforts set per indicator) from the
 * validated levels to a target index or predikat — exact (see `planTarget`).
 */
export async function planEvaluationTarget(ctx: Ctx, id: string, input: PlanInput) {
  const { ev, levels } = await baseLevels(ctx, id);
  const def = ev.framework;
  const band = input.targetRating ? def.predikat.find((p) => p.name === input.targetRating) : null;
  const target = input.targetIndex ?? band?.min;
  if (
    target === undefined ||
    (input.targetRating && !band) ||
    (input.targetIndex !== undefined && input.targetRating !== undefined)
  ) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: input.targetRating ? '/targetRating' : '/targetIndex',
          message: t(ctx.lang, 'evaluation.targetInvalid'),
        },
      ],
    });
  }
  const efforts = new Map<number, number>();
  const known = new Set(def.indicators.map((i) => i.no));
  const errors = Object.entries(input.efforts ?? {}).flatMap(([no, effort]) => {
    if (!known.has(Number(no))) {
      return [{ path: `/efforts/${no}`, message: t(ctx.lang, 'evaluation.unknownIndicator') }];
    }
    efforts.set(Number(no), effort);
    return [];
  });
  throwIfInvalid(errors);
  if (!canPlan(def))
    throw new AppError('BAD_REQUEST', { detailKey: 'evaluation.plannerUnavailable' });
  const plan = planTarget(def, levels, target, efforts);
  if (!plan) throw new AppError('BAD_REQUEST', { detailKey: 'evaluation.plannerUnavailable' });
  const current = computeIndex(def, levels);
  const names = new Map(def.indicators.map((i) => [i.no, i.name]));
  return {
    target,
    current: presentIndex(current),
    ...(plan.reachable
      ? {
          reachable: true,
          steps: plan.steps.map((s) => ({ ...s, name: names.get(s.no) ?? '' })),
          totalEffort: plan.totalEffort,
          index: Math.floor(plan.index * 100 + 0.5 + 1e-9) / 100,
          rating: plan.rating,
        }
      : { reachable: false, maximumIndex: plan.maximumIndex, steps: [], totalEffort: 0 }),
  };
}
