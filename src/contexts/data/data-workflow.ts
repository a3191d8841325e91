import { and, eq, inArray } from 'drizzle-orm';
import { hasRole } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/db/client.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import { defineWorkflow, holdsRoleForAgency } from '../../platform/workflow/definition.js';
import { roleAssignments, users } from '../identity/index.js';
import { dataResources, datasets } from './db/tables.js';

export const DATASET_SUBJECT = 'dataset';
export const DATASET_STATES = ['draft', 'submitted', 'returned', 'published'] as const;
export type DatasetState = (typeof DATASET_STATES)[number];
export const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];

async function userIdsWithRole(db: Executor, roles: Role[], agencyId?: string) {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.status, 'active'),
        inArray(roleAssignments.role, roles),
        agencyId ? eq(roleAssignments.agencyId, agencyId) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * What the producer must have done before the walidata sees a dataset: at least one resource,
 * every table resource with a data dictionary and a file that passed it (a failing file is
 * never published), and the Standar Data filled in (Perpres 39/2019 Pasal 3–4).
 */
export async function readinessProblem(
  db: Executor,
  datasetId: string,
): Promise<MessageKey | null> {
  const [dataset] = await db.select().from(datasets).where(eq(datasets.id, datasetId));
  if (!dataset) return 'error.NOT_FOUND';
  const resources = await db
    .select()
    .from(dataResources)
    .where(eq(dataResources.datasetId, datasetId));
  if (resources.length === 0) return 'data.dataset.noResources';
  for (const r of resources) {
    if (r.kind !== 'table') continue;
    if (!r.fileSha256) return 'data.dataset.tableWithoutFile';
    if (!r.validation?.valid) return 'data.dataset.invalidTable';
  }
  const s = dataset.standard;
  if (![s.konsep, s.definisi, s.klasifikasi, s.ukuran, s.satuan].every((v) => v?.trim())) {
    return 'data.dataset.standardIncomplete';
  }
  return null;
}

/**
 * Verification of a dataset (Perpres 39/2019 Pasal 1 angka 12 and 13; Tabanan 44/2022 Pasal 22;
 * OKU Timur 2022 Pasal 12; Sragen 41/2019 Pasal 17–18): the produsen submits data and metadata,
 * the walidata checks conformity and publishes, or returns it with notes; the produsen fixes it
 * and submits again. The conformity checklist travels with `publish` (see the use case).
 * SLA: three working days for the walidata (Simpul's default; the Perbup name none).
 */
export const datasetWorkflow = defineWorkflow({
  id: 'dataset_publication',
  version: 1,
  label: { id: 'Verifikasi data', en: 'Data verification' },
  initial: 'draft',
  states: {
    draft: { label: { id: 'Draf', en: 'Draft' } },
    submitted: { label: { id: 'Diperiksa walidata', en: 'With the walidata' }, slaHours: 24 },
    returned: { label: { id: 'Dikembalikan', en: 'Returned' } },
    published: { label: { id: 'Terbit', en: 'Published' }, final: true },
  },
  transitions: [
    {
      name: 'submit',
      label: { id: 'Ajukan ke walidata', en: 'Submit to the walidata' },
      from: ['draft'],
      to: 'submitted',
      roles: ['data_producer'],
      guard: (instance, ctx) => readinessProblem(ctx.db, instance.subjectId),
    },
    {
      name: 'resubmit',
      label: { id: 'Ajukan ulang', en: 'Resubmit' },
      from: ['returned'],
      to: 'submitted',
      roles: ['data_producer'],
      guard: (instance, ctx) => readinessProblem(ctx.db, instance.subjectId),
    },
    {
      name: 'return',
      label: { id: 'Kembalikan', en: 'Return' },
      from: ['submitted'],
      to: 'returned',
      roles: ['data_custodian'],
      requireComment: true,
    },
    {
      name: 'publish',
      label: { id: 'Terbitkan', en: 'Publish' },
      from: ['submitted'],
      to: 'published',
      roles: ['data_custodian'],
      guard: (instance, ctx) => readinessProblem(ctx.db, instance.subjectId),
    },
  ],
  // The walidata is one regency-wide unit: its role counts for every agency's dataset.
  holdsRole: (actor, role, instance) =>
    role === 'data_custodian' ? hasRole(actor, role) : holdsRoleForAgency(actor, role, instance),
  notify: async (tx, { instance, transition }) => {
    if (transition.name === 'submit' || transition.name === 'resubmit') {
      return userIdsWithRole(tx, ['data_custodian']);
    }
    return userIdsWithRole(tx, ['data_producer'], instance.agencyId);
  },
  describe: async (tx, instance) =>
    (
      await tx
        .select({ title: datasets.title })
        .from(datasets)
        .where(eq(datasets.id, instance.subjectId))
    )[0]?.title ?? null,
  link: (instance) => `/console/data/datasets/${instance.subjectId}`,
});
