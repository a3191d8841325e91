import type { Ctx } from '../../../platform/auth/actor.js';
import { findFrameworkOf } from '../report/framework-of.js';
import { renderIndicatorSheet } from '../report/indicator-sheet.js';
import { getEvaluation } from './get-evaluation.js';

/** The indicator sheet (XLSX). */
export async function exportIndicatorSheet(ctx: Ctx, id: string) {
  const view = await getEvaluation(ctx, id);
  return renderIndicatorSheet(ctx.lang, view, await findFrameworkOf(ctx, id));
}
