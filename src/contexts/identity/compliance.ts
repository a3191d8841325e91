import { and, eq } from 'drizzle-orm';
import { isRole } from '../../platform/auth/roles.js';
import {
  type ComplianceCheckProvider,
  evaluation,
  type PartyEvaluation,
} from '../../platform/compliance/check-provider.js';
import { roleAssignments, users } from './db/tables.js';

/**
 * What identity can tell the compliance view: whether an organisational role is filled — a
 * Service Desk Tier 1 in every agency and Tier 2 in the Dinas (Perbup Tabanan 44/2022 Pasal 27
 * ayat (7), OKU Timur 2022 Pasal 29 ayat (1)), a Walidata (data_custodian), the Tim Koordinasi.
 * Filled = at least one active account holds the role in the party's agency (for the Tim
 * Koordinasi: anywhere).
 */
export const identityComplianceChecks: ComplianceCheckProvider = {
  module: 'identity',
  sources: {
    'identity.role': async (db, request) => {
      const role = String(request.params.role ?? '');
      const out = new Map<string, PartyEvaluation>();
      if (!isRole(role)) {
        for (const p of request.parties) {
          out.set(
            p.key,
            evaluation('not_supported', `Peran ${role} tidak dikenal.`, `Unknown role ${role}.`),
          );
        }
        return out;
      }
      const rows = await db
        .select({ agencyId: roleAssignments.agencyId, userId: users.id, name: users.name })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(and(eq(roleAssignments.role, role), eq(users.status, 'active')));
      const byAgency = new Map<string, { userId: string; name: string }[]>();
      for (const r of rows) byAgency.set(r.agencyId, [...(byAgency.get(r.agencyId) ?? []), r]);
      for (const p of request.parties) {
        const holders =
          p.kind === 'coordination_team' || p.kind === 'government'
            ? rows
            : p.agencyId
              ? (byAgency.get(p.agencyId) ?? [])
              : [];
        out.set(
          p.key,
          holders.length
            ? evaluation(
                'met',
                `Peran ${role} diisi oleh ${holders.length} orang.`,
                `Role ${role} is held by ${holders.length} people.`,
                holders.slice(0, 10).map((h) => ({
                  type: 'user',
                  id: h.userId,
                  label: h.name,
                  link: `/console/organization/users/${h.userId}`,
                })),
              )
            : evaluation(
                'missing',
                `Belum ada yang memegang peran ${role}.`,
                `Nobody holds the ${role} role.`,
              ),
        );
      }
      return out;
    },
  },
};
