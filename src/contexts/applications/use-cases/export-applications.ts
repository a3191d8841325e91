import type { Static } from 'typebox';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import type { Lang } from '../../../platform/i18n/messages.js';
import type { Label } from '../../../platform/workflow/definition.js';
import { type ApplicationView, applicationWhere, findApplicationViews } from '../db/queries.js';
import type { ApplicationExportQuery } from '../http/applications.schemas.js';
import { stageLabel } from '../lifecycle.js';
import { isAuditOverdue, localToday } from '../rules.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const L = (id: string, en: string): Label => ({ id, en });

const VALUE_LABELS: Record<string, Label> = {
  umum: L('Umum', 'Umum (shared)'),
  khusus: L('Khusus', 'Khusus (agency-specific)'),
  besar: L('Besar', 'Large'),
  kecil: L('Kecil', 'Small'),
  is: L('Merupakan', 'Is'),
  replaces: L('Menggantikan', 'Replaces'),
  pusat_data_daerah: L('Pusat Data Daerah', 'Regional data centre'),
  pdn: L('Pusat Data Nasional', 'National data centre'),
  cloud: L('Cloud', 'Cloud'),
  pihak_ketiga: L('Pihak ketiga', 'Third party'),
  lainnya: L('Lainnya', 'Other'),
  publik: L('Publik', 'Public'),
  terbatas: L('Terbatas', 'Restricted'),
  rahasia: L('Rahasia', 'Secret'),
  pending: L('Belum', 'Pending'),
  partial: L('Sebagian', 'Partial'),
  complete: L('Selesai', 'Complete'),
  active: L('Aktif', 'Active'),
  retired: L('Tidak digunakan', 'Retired'),
  requirements: L('Dokumen kebutuhan', 'Requirements'),
  design: L('Dokumen perancangan', 'Design'),
  user_manual: L('Manual penggunaan', 'User manual'),
  source_code: L('Source code', 'Source code'),
};

const date = (value: string | null) =>
  value ? { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' } : null;

/** The columns of the export: header and cell, in the caller's language. */
function columns(lang: Lang, today: string) {
  const label = (value: string | null) => (value ? (VALUE_LABELS[value]?.[lang] ?? value) : null);
  const yes = lang === 'id' ? 'Ya' : 'Yes';
  const no = lang === 'id' ? 'Tidak' : 'No';
  const c = (header: Label, cell: (v: ApplicationView) => Row[number], width = 18) => ({
    header: header[lang],
    cell,
    width,
  });
  return [
    c(L('Nama aplikasi', 'Application'), (v) => v.app.name, 40),
    c(L('Kode PD', 'Agency code'), (v) => v.agency.code, 14),
    c(L('Perangkat Daerah', 'Agency'), (v) => v.agency.name, 40),
    c(L('Jenis', 'Kind'), (v) => label(v.app.kind)),
    c(L('Kompleksitas', 'Complexity'), (v) => label(v.app.complexity), 14),
    c(L('Aplikasi umum nasional', 'National application'), (v) => v.national?.name ?? null),
    c(L('Hubungan', 'Relation'), (v) => label(v.app.nationalRelation), 14),
    c(L('Tahap', 'Stage'), (v) => stageLabel(v.stage)[lang], 20),
    c(L('Status', 'Status'), (v) => label(v.app.status), 14),
    c(L('URL', 'URL'), (v) => v.app.url, 30),
    c(L('Subdomain', 'Subdomain'), (v) => v.app.subdomain, 24),
    c(L('Lokasi hosting', 'Hosting'), (v) => label(v.app.hostingLocation), 20),
    c(L('Klasifikasi data', 'Data classification'), (v) => label(v.app.dataClassification)),
    c(L('Teknologi', 'Technology'), (v) => v.app.technologyStack, 30),
    c(L('Repositori kode', 'Source repository'), (v) => v.app.sourceRepositoryUrl, 30),
    c(L('Pihak ketiga', 'Vendor'), (v) => v.app.vendorName, 24),
    c(L('Tanggal serah terima', 'Hand-over date'), (v) => date(v.app.handoverDate), 14),
    c(L('Status serah terima', 'Hand-over status'), (v) => label(v.app.handoverStatus), 14),
    c(L('Dokumen lengkap', 'Documents'), (v) =>
      v.completeness.required ? `${v.completeness.present}/${v.completeness.total}` : '-',
    ),
    c(
      L('Dokumen belum ada', 'Missing documents'),
      (v) => v.completeness.missing.map((k) => label(k)).join(', ') || null,
      40,
    ),
    c(L('Terdaftar', 'Registered'), (v) => date(v.app.registeredOn), 14),
    c(L('Audit terakhir', 'Last audit'), (v) => date(v.app.lastAuditDate), 14),
    c(L('Jatuh tempo audit', 'Audit due'), (v) => date(v.app.auditDueDate), 14),
    c(
      L('Audit terlambat', 'Audit overdue'),
      (v) => (isAuditOverdue(v.app.status, v.app.auditDueDate, today) ? yes : no),
      14,
    ),
  ];
}

/**
 * The registry as an Excel workbook: the rows the list shows for the same filters (all of them,
 * not one page), scoped to the caller, with headers and values in the caller's language.
 */
export async function exportApplications(
  ctx: Ctx,
  query: Static<typeof ApplicationExportQuery>,
): Promise<{ fileName: string; bytes: Buffer; rows: number }> {
  const today = localToday();
  const where = applicationWhere({ ...query, scope: readableAgencies(ctx.actor), today });
  const views = await findApplicationViews(ctx.db, where);
  const cols = columns(ctx.lang, today);
  const data: Row[] = [
    cols.map((col) => ({ value: col.header, fontWeight: 'bold' as const })),
    ...views.map((v) => cols.map((col) => col.cell(v))),
  ];
  const bytes = await writeXlsxFile(data, {
    sheet: ctx.lang === 'id' ? 'Aplikasi SPBE' : 'Applications',
    columns: cols.map((col) => ({ width: col.width })),
    stickyRowsCount: 1,
  }).toBuffer();
  return { fileName: `aplikasi-spbe-${today}.xlsx`, bytes, rows: views.length };
}
