import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { emptySummary, evaluateProfile, type ObligationResult } from '../evaluate.js';
import type { EvaluationQuery } from '../http/compliance.schemas.js';
import { localToday } from '../local-date.js';
import { loadParties, partyByKey } from '../parties.js';
import { canRecordEvidence, partyVisible } from '../policies.js';
import { loadProfile } from '../profiles.js';
import { activeProfileId } from './select-profile.js';

/**
 * The evaluation the caller may see: the active profile (or the one asked for), every party in
 * the caller's scope, narrowed by the filters. Used by the console, the exports and the CLI.
 */
export async function scopedEvaluation(
  ctx: Ctx,
  query: Static<typeof EvaluationQuery>,
  today = localToday(),
) {
  const profile = await loadProfile(ctx.db, query.profile ?? (await activeProfileId(ctx.db)));
  const universe = await loadParties(ctx.db);
  const full = await evaluateProfile(ctx.db, profile, today, { universe });
  const summary = emptySummary();
  const obligations: ObligationResult[] = [];
  for (const result of full.obligations) {
    const o = result.obligation;
    if (query.module && o.module !== query.module) continue;
    if (query.kind && o.kind !== query.kind) continue;
    const parties = result.parties.filter(
      (p) =>
        partyVisible(ctx.actor, p) &&
        (!query.party || p.key === query.party) &&
        (!query.status || p.status === query.status),
    );
    if (parties.length === 0) continue;
    const own = emptySummary();
    for (const p of parties) {
      own[p.status]++;
      summary[p.status]++;
    }
    obligations.push({ ...result, parties, summary: own });
  }
  const canRecordFor = [...universe.agencies, ...universe.named.values()]
    .filter((p) => canRecordEvidence(ctx.actor, p))
    .map((p) => p.key);
  return {
    profileId: profile.id,
    title: profile.document.regulation.title,
    today,
    evaluatedAt: full.evaluatedAt,
    obligations,
    summary,
    canRecordFor,
    universe,
    partyByKey: (key: string) => partyByKey(universe, key),
  };
}
