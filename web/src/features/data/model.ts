export const TOPICS = [
  'kependudukan',
  'kesehatan',
  'pendidikan',
  'ekonomi',
  'infrastruktur',
  'pemerintahan',
  'lingkungan',
  'pertanian',
  'pariwisata',
  'sosial',
] as const;

export const FREQUENCIES = [
  'harian',
  'mingguan',
  'bulanan',
  'triwulanan',
  'semesteran',
  'tahunan',
  'insidental',
] as const;

/** A starting data dictionary (Frictionless Table Schema) for a per-kecamatan table. */
export const SCHEMA_TEMPLATE = JSON.stringify(
  {
    fields: [
      { name: 'kode_wilayah', type: 'string', constraints: { required: true } },
      { name: 'kecamatan', type: 'string', constraints: { required: true } },
      { name: 'jumlah', type: 'integer', constraints: { required: true, minimum: 0 } },
    ],
    foreignKeys: [
      { fields: 'kode_wilayah', reference: { resource: 'ref:kemendagri-wilayah', fields: 'code' } },
    ],
  },
  null,
  2,
);
