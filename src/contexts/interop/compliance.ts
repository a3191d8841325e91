import { and, eq, inArray } from 'drizzle-orm';
import {
  type ComplianceCheckProvider,
  coverageOf,
  type EvidenceRecord,
  evaluation,
  type Party,
  type PartyEvaluation,
  type Source,
} from '../../platform/compliance/check-provider.js';
import { workflowInstances } from '../../platform/workflow/tables.js';
import { applications } from '../applications/index.js';
import { interopApis, interopConsumers, interopSubscriptions } from './db/tables.js';
import {
  ACTIVE_SUBSCRIPTION_STATE,
  SUBSCRIPTION_SUBJECT,
  SUBSCRIPTION_WORKFLOW_ID,
} from './subscription-constants.js';

/**
 * What the Sistem Penghubung Layanan records tell the compliance view (docs/user/compliance.md).
 * An agency is judged on its own APIs (as provider) and subscriptions (as consumer); the regency,
 * the Dinas and the Pemda on every agency's. An agency with no active application and no API has
 * no SPBE service to integrate: not concerned.
 */

type Db = Parameters<Source>[0];

const apiRecord = (a: { id: string; name: string; version: string }): EvidenceRecord => ({
  type: 'interop_api',
  id: a.id,
  label: `${a.name} ${a.version}`,
  link: `/console/interop/apis/${a.id}`,
});

const subscriptionRecord = (s: {
  id: string;
  consumerName: string;
  apiName: string;
}): EvidenceRecord => ({
  type: 'interop_subscription',
  id: s.id,
  label: `${s.consumerName} → ${s.apiName}`,
  link: `/console/interop/subscriptions/${s.id}`,
});

async function loadApis(db: Db) {
  return db
    .select({
      id: interopApis.id,
      agencyId: interopApis.agencyId,
      name: interopApis.name,
      version: interopApis.version,
      status: interopApis.status,
    })
    .from(interopApis)
    .orderBy(interopApis.name);
}

/** Active subscriptions with the consumer's and the provider's agency. */
async function loadActiveSubscriptions(db: Db) {
  return db
    .select({
      id: interopSubscriptions.id,
      consumerAgencyId: interopConsumers.agencyId,
      consumerName: interopConsumers.name,
      providerAgencyId: interopApis.agencyId,
      apiName: interopApis.name,
    })
    .from(interopSubscriptions)
    .innerJoin(interopConsumers, eq(interopConsumers.id, interopSubscriptions.consumerId))
    .innerJoin(interopApis, eq(interopApis.id, interopSubscriptions.apiId))
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectId, interopSubscriptions.id),
        eq(workflowInstances.subjectType, SUBSCRIPTION_SUBJECT),
        eq(workflowInstances.workflowId, SUBSCRIPTION_WORKFLOW_ID),
        eq(workflowInstances.state, ACTIVE_SUBSCRIPTION_STATE),
      ),
    )
    .orderBy(interopApis.name);
}

/** The agencies (among `parties`) that have an active application: they run SPBE services. */
async function agenciesWithApplications(db: Db, parties: Party[]) {
  const ids = parties.flatMap((p) => coverageOf(p) ?? []);
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectDistinct({ agencyId: applications.agencyId })
    .from(applications)
    .where(and(eq(applications.status, 'active'), inArray(applications.agencyId, ids)));
  return new Set(rows.map((r) => r.agencyId));
}

const inScope = (party: Party, agencyId: string) => {
  const cover = coverageOf(party);
  return cover === null || cover.includes(agencyId);
};

/**
 * `interop.published_apis` — Perbup Purbalingga 45/2024 Pasal 19 ayat (5): every Perangkat Daerah
 * provides an API for its SPBE services that need integration. Met with at least one published API
 * in the catalogue; missing for an agency that runs applications (or drafted an API) but published
 * none; not concerned otherwise.
 */
const publishedApis: Source = async (db, request) => {
  const apis = await loadApis(db);
  const running = await agenciesWithApplications(db, request.parties);
  const out = new Map<string, PartyEvaluation>();
  for (const party of request.parties) {
    const own = apis.filter((a) => inScope(party, a.agencyId));
    const published = own.filter((a) => a.status === 'published');
    const concerned =
      coverageOf(party) === null ||
      own.length > 0 ||
      (party.agencyId !== null && running.has(party.agencyId));
    out.set(
      party.key,
      published.length > 0
        ? evaluation(
            'met',
            `${published.length} API terbit di katalog Sistem Penghubung Layanan.`,
            `${published.length} APIs published in the Sistem Penghubung Layanan catalogue.`,
            published.map(apiRecord),
          )
        : concerned
          ? evaluation(
              'missing',
              own.length
                ? `Belum ada API yang terbit (${own.length} API draf/usang/ditarik).`
                : 'Belum ada API di katalog Sistem Penghubung Layanan.',
              own.length
                ? `No API published yet (${own.length} draft, deprecated or retired).`
                : 'No API in the Sistem Penghubung Layanan catalogue.',
              own.map(apiRecord),
            )
          : evaluation(
              'not_applicable',
              'Tidak ada aplikasi aktif maupun API.',
              'No active application and no API.',
            ),
    );
  }
  return out;
};

/**
 * `interop.bus_usage` — Tabanan 44/2022 Pasal 13 ayat (1) and (3), Sragen 41/2019 Pasal 8 ayat (3)
 * huruf d and Pasal 12 ayat (1), OKU Timur 2022 Pasal 18 ayat (7)–(8), Purbalingga 45/2024 Pasal 19
 * ayat (4): integrations go through the service bus. An agency uses it when it provides a published
 * API or consumes one through an active subscription; the regency when at least one integration
 * (an active subscription) runs through it. Integrations that bypass the bus leave no record in
 * Simpul, so this cannot see them.
 */
const busUsage: Source = async (db, request) => {
  const [apis, subscriptions] = await Promise.all([loadApis(db), loadActiveSubscriptions(db)]);
  const running = await agenciesWithApplications(db, request.parties);
  const out = new Map<string, PartyEvaluation>();
  for (const party of request.parties) {
    const regency = coverageOf(party) === null;
    const provided = regency
      ? []
      : apis.filter((a) => a.status === 'published' && inScope(party, a.agencyId));
    const consumed = subscriptions.filter((s) =>
      regency ? true : inScope(party, s.consumerAgencyId),
    );
    const records = [...provided.map(apiRecord), ...consumed.map(subscriptionRecord)];
    if (records.length > 0) {
      out.set(
        party.key,
        regency
          ? evaluation(
              'met',
              `${consumed.length} integrasi aktif melalui Sistem Penghubung Layanan.`,
              `${consumed.length} active integrations through the Sistem Penghubung Layanan.`,
              records,
            )
          : evaluation(
              'met',
              `Menyediakan ${provided.length} API dan memakai ${consumed.length} langganan aktif di Sistem Penghubung Layanan.`,
              `Provides ${provided.length} APIs and uses ${consumed.length} active subscriptions on the Sistem Penghubung Layanan.`,
              records,
            ),
      );
    } else if (
      regency ||
      (party.agencyId !== null && running.has(party.agencyId)) ||
      apis.some((a) => inScope(party, a.agencyId))
    ) {
      out.set(
        party.key,
        evaluation(
          'missing',
          regency
            ? 'Belum ada integrasi aktif melalui Sistem Penghubung Layanan.'
            : 'Tidak menyediakan API maupun berlangganan API di Sistem Penghubung Layanan.',
          regency
            ? 'No active integration through the Sistem Penghubung Layanan yet.'
            : 'Neither provides nor subscribes to an API on the Sistem Penghubung Layanan.',
        ),
      );
    } else {
      out.set(
        party.key,
        evaluation('not_applicable', 'Tidak ada aplikasi aktif.', 'No active application.'),
      );
    }
  }
  return out;
};

export const interopComplianceChecks: ComplianceCheckProvider = {
  module: 'interop',
  sources: {
    'interop.published_apis': publishedApis,
    'interop.bus_usage': busUsage,
  },
};
