import type { Label } from '../../platform/workflow/definition.js';

const L = (id: string, en: string): Label => ({ id, en });

/** Topics (CKAN groups, DCAT themes): the sectors the regency's data is grouped by. */
export const TOPICS: Record<string, Label> = {
  kependudukan: L('Kependudukan', 'Population'),
  kesehatan: L('Kesehatan', 'Health'),
  pendidikan: L('Pendidikan', 'Education'),
  ekonomi: L('Ekonomi dan Keuangan', 'Economy and finance'),
  infrastruktur: L('Infrastruktur', 'Infrastructure'),
  pemerintahan: L('Pemerintahan', 'Government'),
  lingkungan: L('Lingkungan Hidup', 'Environment'),
  pertanian: L('Pertanian', 'Agriculture'),
  pariwisata: L('Pariwisata dan Kebudayaan', 'Tourism and culture'),
  sosial: L('Sosial', 'Social affairs'),
};
export const TOPIC_KEYS = Object.keys(TOPICS);

/** Update frequency (jadwal pemutakhiran) with its DCAT frequency IRI. */
export const FREQUENCIES: Record<string, { label: Label; iri: string }> = {
  harian: { label: L('Harian', 'Daily'), iri: 'DAILY' },
  mingguan: { label: L('Mingguan', 'Weekly'), iri: 'WEEKLY' },
  bulanan: { label: L('Bulanan', 'Monthly'), iri: 'MONTHLY' },
  triwulanan: { label: L('Triwulanan', 'Quarterly'), iri: 'QUARTERLY' },
  semesteran: { label: L('Semesteran', 'Semi-annual'), iri: 'BIENNIAL' },
  tahunan: { label: L('Tahunan', 'Annual'), iri: 'ANNUAL' },
  insidental: { label: L('Insidental', 'Irregular'), iri: 'IRREG' },
};
export const FREQUENCY_KEYS = Object.keys(FREQUENCIES);

/** Open licences a dataset may carry (CKAN licence ids). */
export const LICENSES: Record<string, { title: string; url: string }> = {
  'cc-by-4.0': {
    title: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'cc-by-sa-4.0': {
    title: 'Creative Commons Attribution Share-Alike 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  'cc-zero': {
    title: 'Creative Commons CCZero',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'odc-odbl': {
    title: 'Open Data Commons Open Database License (ODbL)',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
};
export const LICENSE_KEYS = Object.keys(LICENSES);

/** Public, or restricted (terbatas: shared inside the government only, never on the portal). */
export const CLASSIFICATIONS = ['public', 'restricted'] as const;

/**
 * The walidata's conformity checklist: the four principles of Perpres 39/2019 Pasal 3 (Standar
 * Data, Metadata, Interoperabilitas, Kode Referensi) plus the classification check before
 * anything goes on the portal.
 */
export const CONFORMITY_CHECKLIST: Record<string, Label> = {
  standar_data: L(
    'Memenuhi Standar Data (konsep, definisi, klasifikasi, ukuran, satuan)',
    'Meets the data standard (concept, definition, classification, measure, unit)',
  ),
  metadata: L('Metadata lengkap dan benar', 'Metadata complete and correct'),
  interoperabilitas: L(
    'Format terbuka dan kamus data sesuai isi (interoperabilitas)',
    'Open format and a data dictionary matching the content (interoperability)',
  ),
  kode_referensi: L(
    'Menggunakan kode referensi / data induk yang berlaku',
    'Uses the current reference codes / master data',
  ),
  klasifikasi: L(
    'Klasifikasi akses sesuai (tidak memuat data pribadi untuk data terbuka)',
    'Access classification right (no personal data in open data)',
  ),
};
export const CHECKLIST_KEYS = Object.keys(CONFORMITY_CHECKLIST);
