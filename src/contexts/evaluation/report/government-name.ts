import type { Ctx } from '../../../platform/auth/actor.js';
import { government } from '../../organization/index.js';

/** The Pemda's name, for the documents' headings. */
export async function governmentName(ctx: Ctx) {
  const [g] = await ctx.db.select({ name: government.name }).from(government);
  return g?.name ?? '';
}
