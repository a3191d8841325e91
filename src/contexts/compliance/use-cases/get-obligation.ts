import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { complianceEvidence } from '../db/tables.js';
import { partyVisible } from '../policies.js';
import { checkOf, loadProfile } from '../profiles.js';
import { acceptedEvidence, presentEvidence } from './record-evidence.js';
import { scopedEvaluation } from './scoped-evaluation.js';

/** One obligation of the active profile: its status per party, and the evidence on record. */
export async function getObligation(ctx: Ctx, obligationId: string) {
  const view = await scopedEvaluation(ctx, {});
  const result = view.obligations.find((o) => o.obligation.id === obligationId);
  if (!result) throw notFound();
  const profile = await loadProfile(ctx.db, view.profileId);
  const obligation = profile.document.obligations.find((o) => o.id === obligationId);
  if (!obligation) throw notFound();
  const rows = await ctx.db
    .select()
    .from(complianceEvidence)
    .where(and(eq(complianceEvidence.obligationId, obligationId)))
    .orderBy(desc(complianceEvidence.recordedOn), desc(complianceEvidence.createdAt));
  const bound = new Set(result.parties.map((p) => p.key));
  return {
    profileId: view.profileId,
    result,
    evidence: rows
      .filter((r) => bound.has(r.partyKey) && partyVisible(ctx.actor, { agencyId: r.agencyId }))
      .map(presentEvidence),
    accepts: acceptedEvidence(checkOf(obligation)),
    canRecordFor: view.canRecordFor.filter((k) => bound.has(k)),
  };
}
