import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { kecamatanSchema, TABANAN_KECAMATAN } from '../demo/seed-data-demo.js';
import type { CreateDatasetBody } from '../http/data.schemas.js';
import { addResource } from '../use-cases/add-resource.js';
import { createDataset } from '../use-cases/create-dataset.js';
import { takeDatasetTransition } from '../use-cases/take-dataset-transition.js';
import { uploadResourceFile } from '../use-cases/upload-resource-file.js';
import { CHECKLIST_KEYS } from '../vocabulary.js';

export { kecamatanSchema, TABANAN_KECAMATAN };

let counter = 0;
const suffix = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const ALL_CHECKED = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, true]));

export const completeDataset = (
  agencyId: string,
  overrides: Partial<Static<typeof CreateDatasetBody>> = {},
) => ({
  agencyId,
  title: `Jumlah Posyandu per Kecamatan ${suffix()}`,
  description:
    'Jumlah posyandu aktif per kecamatan di Kabupaten Tabanan, dari laporan bulanan puskesmas.',
  topic: 'kesehatan',
  tags: ['posyandu', 'kesehatan'],
  frequency: 'tahunan',
  temporalStart: '2025-01-01',
  temporalEnd: '2025-12-31',
  spatialCoverage: 'Kabupaten Tabanan',
  classification: 'public' as const,
  standard: {
    konsep: 'Posyandu aktif',
    definisi: 'Posyandu yang melaksanakan kegiatan minimal delapan kali setahun.',
    klasifikasi: 'Kode wilayah Kemendagri',
    ukuran: 'Jumlah',
    satuan: 'unit',
  },
  ...overrides,
});

/** A valid per-kecamatan CSV for `kecamatanSchema('jumlah', 'persen')`, semicolon-separated. */
export const validCsv = (year = 2025) =>
  `kode_wilayah;kecamatan;tahun;jumlah;persen\n${TABANAN_KECAMATAN.map(
    ([code, name], i) => `${code};${name};${year};${(i + 1) * 1000};${90 + i},5`,
  ).join('\n')}\n`;

/** A dataset of `agencyId` with one validated table, in `state`. */
export async function buildDataset(
  ctx: Ctx,
  store: FileStore,
  agencyId: string,
  state: 'draft' | 'submitted' | 'returned' | 'published' = 'published',
  overrides: Partial<Static<typeof CreateDatasetBody>> = {},
) {
  const dataset = await createDataset(ctx, completeDataset(agencyId, overrides));
  const view = await addResource(ctx, dataset.id, {
    kind: 'table',
    name: 'Tabel',
    tableSchema: kecamatanSchema('jumlah', 'persen'),
  });
  const resourceId = view.resources[0]?.id as string;
  await uploadResourceFile(ctx, store, dataset.id, resourceId, {
    fileName: 'data.csv',
    bytes: Buffer.from(validCsv()),
  });
  if (state === 'draft') return { ...dataset, resourceId };
  await takeDatasetTransition(ctx, dataset.id, { transition: 'submit' });
  if (state === 'returned') {
    await takeDatasetTransition(ctx, dataset.id, { transition: 'return', comment: 'Perbaiki.' });
  }
  if (state === 'published') {
    await takeDatasetTransition(ctx, dataset.id, { transition: 'publish', checklist: ALL_CHECKED });
  }
  return { ...dataset, resourceId };
}
