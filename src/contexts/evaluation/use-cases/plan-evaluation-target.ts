import type { Ctx } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { throwIfInvalid } from '../db/queries.js';
import { computeIndex, presentIndex } from '../index-engine.js';
import { canPlan, planTarget } from '../planner.js';
import { baseLevels } from './what-if.js';

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
