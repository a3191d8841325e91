/**
 * Kinds of Perangkat Daerah (PP 18/2016 tentang Perangkat Daerah). Stable national categories;
 * `lainnya` covers units such as UPTD or BLUD that a regency registers on its own.
 */
export const AGENCY_KINDS = [
  'sekretariat_daerah',
  'sekretariat_dprd',
  'inspektorat',
  'dinas',
  'badan',
  'kecamatan',
  'kelurahan',
  'satuan_polisi_pamong_praja',
  'rsud',
  'lainnya',
] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The regulation profiles shipped with Simpul (see ../shared/reference/obligations). */
export const REGULATION_PROFILES = [
  'purbalingga-45-2024',
  'sragen-41-2019',
  'oku-timur-2022',
  'tabanan-44-2022',
] as const;
