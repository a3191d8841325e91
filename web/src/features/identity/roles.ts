export const ROLES = [
  'kominfo_admin',
  'agency_operator',
  'agency_head',
  'coordination_team',
  'internal_assessor',
  'auditor',
  'data_custodian',
  'data_producer',
  'tier1_desk',
  'tier2_desk',
] as const;

export type Role = (typeof ROLES)[number];

export interface RoleInput {
  role: string;
  agencyId: string | null;
}

/**
 * When the user's own agency changes, roles that followed the old agency (or had none yet)
 * follow the new one; roles deliberately scoped to another agency keep their scope.
 */
export function rescopeRoles(
  roles: readonly RoleInput[],
  previousAgencyId: string | null,
  nextAgencyId: string | null,
): RoleInput[] {
  return roles.map((assignment) =>
    assignment.agencyId === null || assignment.agencyId === previousAgencyId
      ? { ...assignment, agencyId: nextAgencyId }
      : assignment,
  );
}
