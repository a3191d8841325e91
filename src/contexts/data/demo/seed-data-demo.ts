import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import type { TableSchemaBody } from '../http/data.schemas.js';
import { addResource } from '../use-cases/add-resource.js';
import { createDataset } from '../use-cases/create-dataset.js';
import { createDataPlan } from '../use-cases/data-plans.js';
import { takeDatasetTransition } from '../use-cases/take-dataset-transition.js';
import { uploadResourceFile } from '../use-cases/upload-resource-file.js';
import { CHECKLIST_KEYS } from '../vocabulary.js';

/** The ten kecamatan of Tabanan with their Kemendagri codes (seeded as `kemendagri-wilayah`). */
export const TABANAN_KECAMATAN: [string, string][] = [
  ['51.02.01', 'Selemadeg'],
  ['51.02.02', 'Kerambitan'],
  ['51.02.03', 'Tabanan'],
  ['51.02.04', 'Kediri'],
  ['51.02.05', 'Marga'],
  ['51.02.06', 'Baturiti'],
  ['51.02.07', 'Penebel'],
  ['51.02.08', 'Pupuan'],
  ['51.02.09', 'Selemadeg Barat'],
  ['51.02.10', 'Selemadeg Timur'],
];

/** A per-kecamatan table: Kemendagri code (foreign key), name, a count and a decimal-comma rate. */
export const kecamatanSchema = (count: string, rate: string): Static<typeof TableSchemaBody> => ({
  fields: [
    {
      name: 'kode_wilayah',
      type: 'string',
      title: 'Kode wilayah Kemendagri',
      constraints: { required: true },
    },
    { name: 'kecamatan', type: 'string', constraints: { required: true } },
    { name: 'tahun', type: 'year', constraints: { required: true, minimum: 2000, maximum: 2100 } },
    {
      name: count,
      type: 'integer',
      groupChar: '.',
      constraints: { required: true, minimum: 0 },
      'sdi:satuan': 'unit',
    },
    {
      name: rate,
      type: 'number',
      decimalChar: ',',
      constraints: { minimum: 0 },
      'sdi:satuan': 'persen',
    },
  ],
  primaryKey: ['kode_wilayah', 'tahun'],
  foreignKeys: [
    { fields: 'kode_wilayah', reference: { resource: 'ref:kemendagri-wilayah', fields: 'code' } },
  ],
});

const csv = (header: string, rows: (string | number)[][]) =>
  `${header}\n${rows.map((r) => r.join(';')).join('\n')}\n`;

const STANDARD = (konsep: string, satuan: string) => ({
  konsep,
  definisi: `${konsep} menurut kecamatan di Kabupaten Tabanan pada akhir tahun.`,
  klasifikasi: 'Kode Wilayah Administrasi Pemerintahan (Kemendagri)',
  ukuran: 'Jumlah',
  satuan,
});

/**
 * A few published datasets for Tabanan (health, education, planning), each with a validated
 * table, taken through submission and the walidata's check like real ones; and the Daftar Data
 * 2026 of the producing agencies. Does nothing without a file store.
 */
export async function seedDataDemo(
  ctx: Ctx,
  options: { agencyIdsByCode: Map<string, string>; fileStore?: FileStore },
) {
  const store = options.fileStore;
  if (!store) return null;
  const seeds = [
    {
      agency: 'DINKES',
      title: 'Jumlah Puskesmas dan Cakupan Imunisasi Dasar per Kecamatan',
      topic: 'kesehatan',
      tags: ['puskesmas', 'imunisasi', 'kesehatan'],
      count: 'jumlah_puskesmas',
      rate: 'cakupan_imunisasi',
      values: (i: number) => [1 + (i % 3), `${(88 + (i % 7) * 1.5).toFixed(1).replace('.', ',')}`],
    },
    {
      agency: 'DISDIKPORA',
      title: 'Jumlah Sekolah Dasar dan Angka Partisipasi Murni SD per Kecamatan',
      topic: 'pendidikan',
      tags: ['sekolah dasar', 'apm', 'pendidikan'],
      count: 'jumlah_sd',
      rate: 'apm_sd',
      values: (i: number) => [28 + i * 3, `${(95 + (i % 4) * 0.8).toFixed(1).replace('.', ',')}`],
    },
    {
      agency: 'BAPPEDA',
      title: 'Jumlah Penduduk Miskin dan Persentase Kemiskinan per Kecamatan',
      topic: 'sosial',
      tags: ['kemiskinan', 'penduduk'],
      count: 'penduduk_miskin',
      rate: 'persentase_miskin',
      values: (i: number) => [
        `${(1200 + i * 137).toLocaleString('id-ID')}`,
        `${(3.5 + (i % 5) * 0.6).toFixed(2).replace('.', ',')}`,
      ],
    },
  ];
  let published = 0;
  for (const seed of seeds) {
    const agencyId = options.agencyIdsByCode.get(seed.agency);
    if (!agencyId) continue;
    const dataset = await createDataset(ctx, {
      agencyId,
      title: `${seed.title} Tahun 2025`,
      description: `${seed.title} di Kabupaten Tabanan tahun 2025, disusun oleh produsen data dari laporan rutin dan diperiksa walidata. Kode wilayah mengikuti Kemendagri.`,
      topic: seed.topic,
      tags: seed.tags,
      frequency: 'tahunan',
      temporalStart: '2025-01-01',
      temporalEnd: '2025-12-31',
      spatialCoverage: 'Kabupaten Tabanan (51.02)',
      unit: 'kecamatan',
      classification: 'public',
      licenseId: 'cc-by-4.0',
      contactName: 'Walidata Kabupaten Tabanan',
      contactEmail: 'walidata@tabanankab.go.id',
      standard: STANDARD(seed.title.split(' per ')[0] ?? seed.title, 'unit; persen'),
      referenceCodes: ['kemendagri-wilayah'],
    });
    const withTable = await addResource(ctx, dataset.id, {
      kind: 'table',
      name: `${seed.title} 2025`,
      description: 'Tabel per kecamatan, pemisah desimal koma.',
      tableSchema: kecamatanSchema(seed.count, seed.rate),
    });
    const resource = withTable.resources[0];
    if (!resource) continue;
    const rows = TABANAN_KECAMATAN.map(([code, name], i) => [code, name, 2025, ...seed.values(i)]);
    await uploadResourceFile(ctx, store, dataset.id, resource.id, {
      fileName: `${dataset.name}.csv`,
      bytes: Buffer.from(csv(`kode_wilayah;kecamatan;tahun;${seed.count};${seed.rate}`, rows)),
    });
    await takeDatasetTransition(ctx, dataset.id, { transition: 'submit' });
    await takeDatasetTransition(ctx, dataset.id, {
      transition: 'publish',
      checklist: Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, true])),
      comment: 'Sesuai prinsip Satu Data.',
    });
    await createDataPlan(ctx, {
      agencyId,
      year: 2026,
      title: `${seed.title} Tahun 2026`,
      topic: seed.topic,
      frequency: 'tahunan',
    });
    published++;
  }
  return { datasets: published };
}
