import { type Actor, hasRole, isKominfoAdmin } from '../../platform/auth/actor.js';
import { OVERSIGHT_ROLES } from '../../platform/auth/roles.js';
import type { TeamRole } from './vocabulary.js';

/**
 * Who reads an evaluation: the Diskominfo admin, the oversight roles (Tim Koordinasi SPBE, who
 * report it to the Bupati — Perbup Tabanan 44/2022 Pasal 5 ayat (7) huruf d; internal assessors;
 * auditors) and every member of its Tim Asesor Internal. Anyone else gets a 404.
 */
export const canReadEvaluation = (actor: Actor | null, teamRole: TeamRole | null) =>
  teamRole !== null || isKominfoAdmin(actor) || OVERSIGHT_ROLES.some((r) => hasRole(actor, r));

/** The Diskominfo admin or the Tim Koordinasi SPBE opens a year's evaluation. */
export const canCreateEvaluation = (actor: Actor | null) =>
  isKominfoAdmin(actor) || hasRole(actor, 'coordination_team');

/** The team and the assignment of indicators: the Koordinator SPBE (or the Diskominfo admin). */
export const canManageTeam = (actor: Actor | null, teamRole: TeamRole | null) =>
  isKominfoAdmin(actor) || teamRole === 'coordinator';

/**
 * A self-assessed answer (level, explanation, evidence) is entered by the member the indicator is
 * assigned to, the Pelaksana Entri Data or the Koordinator (59/2020 Lampiran p.83–85).
 */
export const canSelfAssess = (
  actorId: string | null,
  teamRole: TeamRole | null,
  assigneeId: string | null,
) =>
  teamRole === 'coordinator' ||
  teamRole === 'data_entry' ||
  (actorId !== null && teamRole !== null && assigneeId === actorId);

/** The penanggung jawab verifies and validates (59/2020 Lampiran p.83, langkah 4); so may the Koordinator. */
export const canValidate = (teamRole: TeamRole | null) =>
  teamRole === 'responsible' || teamRole === 'coordinator';

/** The external result is entered by the Koordinator or the Diskominfo admin. */
export const canRecordExternal = (actor: Actor | null, teamRole: TeamRole | null) =>
  isKominfoAdmin(actor) || teamRole === 'coordinator';

/** The permission names this context contributes to `GET /auth/me`, for the console. */
export function evaluationPermissions(actor: Actor | null): string[] {
  const out: string[] = [];
  // Members come from any role; the console shows the menu to every signed-in user and the list
  // answers with the evaluations they may read.
  if (actor) out.push('evaluation:read');
  if (canCreateEvaluation(actor)) out.push('evaluation:create');
  return out;
}
