/**
 * The roles of Simpul. A role is always granted for one agency (Perangkat Daerah). Roles are an
 * authorization concept of the code, not reference data: policies are written against them.
 */
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

/** Roles that may read records of every agency (oversight), besides the Diskominfo admin. */
export const OVERSIGHT_ROLES: readonly Role[] = [
  'coordination_team',
  'internal_assessor',
  'auditor',
];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
