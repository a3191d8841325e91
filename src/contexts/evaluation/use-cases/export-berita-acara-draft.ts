import type { Ctx } from '../../../platform/auth/actor.js';
import { renderBeritaAcara } from '../report/berita-acara-pdf.js';
import { findFrameworkOf } from '../report/framework-of.js';
import { governmentName } from '../report/government-name.js';
import { getEvaluation } from './get-evaluation.js';

/** The draft Berita Acara Penilaian Mandiri to print and sign. */
export async function exportBeritaAcaraDraft(ctx: Ctx, id: string) {
  const view = await getEvaluation(ctx, id);
  const def = await findFrameworkOf(ctx, id);
  const bytes = await renderBeritaAcara(await governmentName(ctx), view, def);
  return { fileName: `berita-acara-penilaian-mandiri-${view.year}.pdf`, bytes };
}
