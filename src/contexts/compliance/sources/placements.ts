import { and, eq, inArray } from 'drizzle-orm';
import {
  type ComplianceCheckProvider,
  type EvidenceRecord,
  evaluation,
  type PartyEvaluation,
  rowsPerParty,
} from '../../../platform/compliance/check-provider.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { applications } from '../../applications/index.js';
import { hostingRequests, hostingWorkflow } from '../../datacenter/index.js';

/**
 * Checks that join two modules live here, in compliance, so applications and datacenter stay
 * independent of each other. `datacenter.placements`: every active application of the agency is
 * placed in the Pusat Data — an accepted hosting request names it — or at the Pusat Data Nasional
 * (Perbup Tabanan 44/2022 Pasal 14 ayat (1), Sragen 41/2019 Pasal 14 ayat (1), OKU Timur 2022
 * Pasal 13 ayat (1), Purbalingga 45/2024 Pasal 14 ayat (4)).
 */
export const crossModuleComplianceChecks: ComplianceCheckProvider = {
  module: 'datacenter',
  sources: {
    'datacenter.placements': async (db, request) => {
      const apps = await db
        .select({
          id: applications.id,
          agencyId: applications.agencyId,
          name: applications.name,
          hostingLocation: applications.hostingLocation,
        })
        .from(applications)
        .where(eq(applications.status, 'active'))
        .orderBy(applications.name);
      const accepted = apps.length
        ? await db
            .select({ applicationId: hostingRequests.applicationId })
            .from(hostingRequests)
            .innerJoin(
              workflowInstances,
              and(
                eq(workflowInstances.subjectId, hostingRequests.id),
                eq(workflowInstances.workflowId, hostingWorkflow.id),
                eq(workflowInstances.state, 'accepted'),
              ),
            )
            .where(
              inArray(
                hostingRequests.applicationId,
                apps.map((a) => a.id),
              ),
            )
        : [];
      const placed = new Set(accepted.map((a) => a.applicationId));
      const ok = (a: (typeof apps)[number]) => placed.has(a.id) || a.hostingLocation === 'pdn';
      const record = (a: (typeof apps)[number]): EvidenceRecord => ({
        type: 'application',
        id: a.id,
        label: `${a.name} (${a.hostingLocation})`,
        link: `/console/applications/${a.id}`,
      });
      const perParty = rowsPerParty(request.parties, apps);
      const out = new Map<string, PartyEvaluation>();
      for (const party of request.parties) {
        const own = perParty.get(party.key) ?? [];
        const failing = own.filter((a) => !ok(a));
        out.set(
          party.key,
          own.length === 0
            ? evaluation(
                'not_applicable',
                'Tidak ada aplikasi terdaftar.',
                'No registered application.',
              )
            : failing.length === 0
              ? evaluation(
                  'met',
                  `Semua ${own.length} aplikasi ditempatkan di Pusat Data.`,
                  `All ${own.length} applications are placed in the Pusat Data.`,
                  own.map(record),
                )
              : evaluation(
                  'missing',
                  `${failing.length} dari ${own.length} aplikasi belum punya penempatan yang diterima di Pusat Data.`,
                  `${failing.length} of ${own.length} applications have no accepted placement in the Pusat Data.`,
                  failing.map(record),
                ),
        );
      }
      return out;
    },
  },
};
