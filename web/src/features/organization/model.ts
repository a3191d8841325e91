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

export const REGULATION_PROFILES = [
  'purbalingga-45-2024',
  'sragen-41-2019',
  'oku-timur-2022',
  'tabanan-44-2022',
] as const;

export type RegulationProfile = (typeof REGULATION_PROFILES)[number];

export const GOVERNMENT_TYPES = ['kabupaten', 'kota'] as const;

export type GovernmentType = (typeof GOVERNMENT_TYPES)[number];
