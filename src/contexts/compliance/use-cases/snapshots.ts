import { and, desc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { forbidden } from '../../../platform/errors.js';
import type { Job } from '../../../platform/jobs/scheduler.js';
import { complianceSnapshots } from '../db/tables.js';
import { evaluateProfile } from '../evaluate.js';
import type { SnapshotQuery } from '../http/compliance.schemas.js';
import { localToday } from '../local-date.js';
import { canTakeSnapshot } from '../policies.js';
import { loadProfile } from '../profiles.js';
import { activeProfileId } from './select-profile.js';

/** Evaluates the active profile for the whole regency and keeps the result (history). */
export async function takeSnapshot(ctx: Ctx, today = localToday()) {
  if (!canTakeSnapshot(ctx.actor)) throw forbidden();
  const profile = await loadProfile(ctx.db, await activeProfileId(ctx.db));
  const evaluation = await evaluateProfile(ctx.db, profile, today);
  const statuses: Record<string, Record<string, string>> = {};
  for (const o of evaluation.obligations) {
    statuses[o.obligation.id] = Object.fromEntries(o.parties.map((p) => [p.key, p.status]));
  }
  const [row] = await ctx.db
    .insert(complianceSnapshots)
    .values({ profileId: profile.id, summary: evaluation.summary, statuses })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return presentSnapshot(row);
}

const presentSnapshot = (row: typeof complianceSnapshots.$inferSelect) => ({
  id: row.id,
  profileId: row.profileId,
  takenAt: new Date(row.takenAt).toISOString(),
  summary: row.summary,
});

/** The history of the regency-wide counts (summaries only: they carry no agency's detail). */
export async function findSnapshots(ctx: Ctx, query: Static<typeof SnapshotQuery>) {
  if (readableAgencies(ctx.actor) !== 'all') throw forbidden();
  const profileId = query.profile ?? (await activeProfileId(ctx.db));
  const rows = await ctx.db
    .select()
    .from(complianceSnapshots)
    .where(and(eq(complianceSnapshots.profileId, profileId)))
    .orderBy(desc(complianceSnapshots.takenAt))
    .limit(query.limit ?? 90);
  return rows.map(presentSnapshot);
}

/** Daily: the evaluation of the day, for the history. */
export const complianceSnapshotJob: Job = {
  name: 'compliance-snapshot',
  intervalSeconds: 24 * 3600,
  run: async (ctx) => {
    await takeSnapshot(ctx);
  },
};
