/**
 * The vocabulary of the Aplikasi SPBE registry. Regulatory categories keep their Indonesian
 * names (GLOSSARY.md); the rest is English. These are closed sets the policies and filters are
 * written against; the list of national aplikasi umum, which changes with national policy, is
 * reference data in a table (`national_applications`), not here.
 */

/** Perbup Tabanan 44/2022 Pasal 6 ayat (2); Sragen 41/2019 Pasal 10 ayat (1); OKU Timur Pasal 18 ayat (1). */
export const APPLICATION_KINDS = ['umum', 'khusus'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/**
 * Perbup OKU Timur 2022 Pasal 18 ayat (2): "berdasarkan tingkat kompleksitas penggunaan, aplikasi
 * umum … terdiri dari: a. aplikasi umum kompleksitas besar; dan b. aplikasi umum kompleksitas
 * kecil". The clause classifies aplikasi umum only (ayat (3) sorts aplikasi khusus by scale, not
 * complexity), so a khusus application has no complexity.
 */
export const COMPLEXITIES = ['besar', 'kecil'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/**
 * How a registered application relates to a national aplikasi umum: `is` — it is that national
 * application as the agency uses it (SIPD at BPKAD); `replaces` — a local application doing the
 * work of a national one (an overlap the Dinas reviews, since the national policy is to use
 * aplikasi umum rather than build duplicates).
 */
export const NATIONAL_RELATIONS = ['is', 'replaces'] as const;
export type NationalRelation = (typeof NATIONAL_RELATIONS)[number];

/**
 * Where it runs. Tabanan 44/2022 Pasal 14 ayat (1) and OKU Timur Pasal 13 ayat (1) place
 * applications in the regency's Pusat Data; OKU Timur Pasal 17 and Purbalingga 45/2024 Pasal 14
 * ayat (10) allow the Pusat Data Nasional; the others record what is actually the case.
 */
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

/**
 * Hand-over of a system built or run by a third party. Perbup Sragen 41/2019 Pasal 21 ayat (3):
 * every system and its data processed by a third party belongs to the Pemda "dan wajib
 * diserahterimakan kepada Pemerintah Daerah".
 */
export const HANDOVER_STATUSES = ['pending', 'partial', 'complete'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const APPLICATION_STATUSES = ['active', 'retired'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * The four required documents: Perbup Tabanan 44/2022 Pasal 7 ayat (4), Sragen 41/2019 Pasal 11
 * ayat (2), OKU Timur Pasal 19 ayat (2) — a. dokumen kebutuhan perangkat lunak, b. dokumen
 * perancangan, c. dokumen manual penggunaan, d. source code dengan penjelasan fungsi
 * masing-masing prosedur. They are handed to the Dinas "untuk didokumentasi dan disimpan di
 * Repositori" (Tabanan 7(5), Sragen 11(3), OKU Timur 19(3)): in Simpul, uploaded files attached
 * to the application, each kind versioned.
 */
export const DOCUMENT_KINDS = ['requirements', 'design', 'user_manual', 'source_code'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The seven stages of the development cycle, Perbup Tabanan 44/2022 Pasal 7 ayat (1) huruf a–g,
 * in order. They are the states of the `application_lifecycle` workflow (lifecycle.ts).
 */
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

/** The workflow every application runs (lifecycle.ts) and the subject type it names. */
export const LIFECYCLE_WORKFLOW_ID = 'application_lifecycle';
export const APPLICATION_SUBJECT = 'application';
