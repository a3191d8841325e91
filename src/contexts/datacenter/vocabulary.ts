import type { Bilingual } from '../../platform/notifications/tables.js';

/**
 * The closed vocabularies of the Pusat Data. Code, not reference data: the workflow, the policies
 * and the supervision rules are written against them.
 */

/** Hosting, colocation (the agency's own server) or a VPS (OKU Timur 2022 Pasal 13 ayat (3)–(4)). */
export const SERVICE_TYPES = ['hosting', 'colocation', 'vps'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Data classification the request declares; it drives the test and the backup plan asked for. */
export const DATA_CLASSIFICATIONS = ['publik', 'terbatas', 'rahasia'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export const CHECK_RESULTS = ['pass', 'fail', 'na'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export interface ChecklistItem {
  item: string;
  result: CheckResult;
  notes: string | null;
}

export const DEVICE_KINDS = ['server', 'storage', 'network', 'rack', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_STATUSES = ['active', 'spare', 'maintenance', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const ACCESS_AUTHORITIES = ['root', 'admin', 'operator', 'read'] as const;
export type AccessAuthority = (typeof ACCESS_AUTHORITIES)[number];

export const BACKUP_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

export const BACKUP_RESULTS = ['success', 'failed'] as const;
export type BackupResult = (typeof BACKUP_RESULTS)[number];

/** `partial`: some data or functions came back, not all: not a passed test. */
export const RESTORE_RESULTS = ['success', 'partial', 'failed'] as const;
export type RestoreResult = (typeof RESTORE_RESULTS)[number];

export const POLICY_STATUSES = ['active', 'retired'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * The items the Dinas usually checks in the security and feasibility test (Tabanan 44/2022 Pasal
 * 14 ayat (10) huruf b). The regulation names the test, not its items: this is a starting list
 * the tester may change, not a rule.
 */
export const HOSTING_TEST_CHECKLIST: Bilingual[] = [
  {
    id: 'Pemindaian kerentanan tanpa temuan kritis/tinggi yang terbuka',
    en: 'Vulnerability scan without open critical/high findings',
  },
  {
    id: 'Pengujian OWASP Top 10 (injeksi, autentikasi, kontrol akses)',
    en: 'OWASP Top 10 testing (injection, authentication, access control)',
  },
  { id: 'HTTPS dengan sertifikat yang sah', en: 'HTTPS with a valid certificate' },
  {
    id: 'Sistem operasi dan komponen diperbarui (patch keamanan)',
    en: 'Operating system and components patched',
  },
  {
    id: 'Pengerasan server: port dan layanan yang tidak perlu ditutup',
    en: 'Server hardening: unneeded ports and services closed',
  },
  {
    id: 'Akun dan kata sandi: tanpa akun bawaan, kata sandi kuat',
    en: 'Accounts and passwords: no default accounts, strong passwords',
  },
  { id: 'Log aplikasi dan jejak audit tersedia', en: 'Application logs and audit trail in place' },
  {
    id: 'Rencana pencadangan sesuai klasifikasi data',
    en: 'Backup plan fits the data classification',
  },
  {
    id: 'Rencana pemulihan bencana dan uji pemulihan terakhir',
    en: 'Disaster-recovery plan and last restore test',
  },
  {
    id: 'Kebutuhan sumber daya wajar dan tersedia',
    en: 'Resources asked are reasonable and available',
  },
  {
    id: 'Dokumentasi aplikasi lengkap (Pasal 7 ayat (4))',
    en: 'Application documentation complete (Article 7(4))',
  },
];
