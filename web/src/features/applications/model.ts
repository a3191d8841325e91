/** The vocabulary of the Aplikasi SPBE registry (src/contexts/applications/model.ts). */

export const APPLICATION_KINDS = ['umum', 'khusus'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const COMPLEXITIES = ['besar', 'kecil'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export const NATIONAL_RELATIONS = ['is', 'replaces'] as const;
export type NationalRelation = (typeof NATIONAL_RELATIONS)[number];

export const HOSTING_LOCATIONS = [
  'pusat_data_daerah',
  'pdn',
  'cloud',
  'pihak_ketiga',
  'lainnya',
] as const;
export type HostingLocation = (typeof HOSTING_LOCATIONS)[number];

export const DATA_CLASSIFICATIONS = ['publik', 'terbatas', 'rahasia'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export const HANDOVER_STATUSES = ['pending', 'partial', 'complete'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const APPLICATION_STATUSES = ['active', 'retired'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The four required documents (Perbup Tabanan 44/2022 Pasal 7 ayat (4)), in their order. */
export const DOCUMENT_KINDS = ['requirements', 'design', 'user_manual', 'source_code'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The seven stages of Perbup Tabanan 44/2022 Pasal 7 ayat (1), in order. */
export const STAGES = [
  'kajian_kebutuhan',
  'perencanaan',
  'rancang_bangun',
  'implementasi',
  'pengujian_kelaikan',
  'pemeliharaan',
  'evaluasi',
] as const;
export type Stage = (typeof STAGES)[number];
