import type { Static } from 'typebox';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { Ctx } from '../../../platform/auth/actor.js';
import {
  COMPLIANCE_STATUSES,
  type ComplianceStatus,
} from '../../../platform/compliance/check-provider.js';
import type { Lang } from '../../../platform/i18n/messages.js';
import type { ReportQuery } from '../http/compliance.schemas.js';
import { scopedEvaluation } from './scoped-evaluation.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const STATUS_LABELS: Record<ComplianceStatus, { id: string; en: string }> = {
  met: { id: 'Terpenuhi', en: 'Met' },
  due_soon: { id: 'Segera jatuh tempo', en: 'Due soon' },
  late: { id: 'Terlambat', en: 'Late' },
  missing: { id: 'Belum ada', en: 'Missing' },
  not_applicable: { id: 'Tidak berlaku', en: 'Not applicable' },
  not_supported: { id: 'Belum didukung', en: 'Not yet supported' },
};

const H = (lang: Lang, id: string, en: string) => ({
  value: lang === 'id' ? id : en,
  fontWeight: 'bold' as const,
});

/** The compliance view as a workbook: one row per obligation and bound party, in scope. */
export async function exportXlsx(ctx: Ctx, query: Static<typeof ReportQuery>) {
  const view = await scopedEvaluation(ctx, query);
  const lang = ctx.lang;
  const rows: Row[] = [
    [
      H(lang, 'Id kewajiban', 'Obligation id'),
      H(lang, 'Pasal', 'Clause'),
      H(lang, 'Ringkasan', 'Summary'),
      H(lang, 'Modul', 'Module'),
      H(lang, 'Jenis', 'Kind'),
      H(lang, 'Periode', 'Period'),
      H(lang, 'Pihak', 'Party'),
      H(lang, 'Status', 'Status'),
      H(lang, 'Diputuskan oleh', 'Decided by'),
      H(lang, 'Jatuh tempo', 'Due on'),
      H(lang, 'Alasan', 'Reason'),
    ],
  ];
  for (const o of view.obligations) {
    for (const p of o.parties) {
      rows.push([
        o.obligation.id,
        o.obligation.article,
        o.obligation.summary_en,
        o.obligation.module,
        o.obligation.kind,
        o.obligation.period ?? '',
        p.label,
        STATUS_LABELS[p.status][lang],
        p.decidedBy,
        p.dueOn ?? '',
        p.reason[lang],
      ]);
    }
  }
  const bytes = await writeXlsxFile(rows, {
    sheet: lang === 'id' ? 'Kepatuhan' : 'Compliance',
    columns: [28, 30, 60, 14, 16, 14, 40, 18, 22, 12, 60].map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
  return {
    fileName: `kepatuhan-${view.profileId}-${view.today}.xlsx`,
    bytes,
    rows: rows.length - 1,
  };
}

/**
 * A report for the Tim Koordinasi and the Bupati: the counts by status, then each obligation with
 * its clause and the parties that are late or missing.
 */
export async function exportPdf(ctx: Ctx, query: Static<typeof ReportQuery>) {
  const view = await scopedEvaluation(ctx, query);
  const lang = ctx.lang;
  const L = (id: string, en: string) => (lang === 'id' ? id : en);
  // Loaded on first use: pdfkit costs ~170 ms and ~30 MB at start-up for a rarely used report.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `Simpul — ${view.title}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.fontSize(16).text(L('Laporan Kepatuhan SPBE', 'SPBE Compliance Report'));
  doc.moveDown(0.3).fontSize(10).text(view.title);
  doc.text(`${L('Tanggal', 'Date')}: ${view.today} · ${L('Profil', 'Profile')}: ${view.profileId}`);
  doc.moveDown();
  doc.fontSize(12).text(L('Ringkasan', 'Summary'));
  doc.fontSize(10);
  for (const s of COMPLIANCE_STATUSES) doc.text(`${STATUS_LABELS[s][lang]}: ${view.summary[s]}`);
  doc.moveDown();
  for (const o of view.obligations) {
    const counts = COMPLIANCE_STATUSES.filter((s) => o.summary[s] > 0)
      .map((s) => `${STATUS_LABELS[s][lang]} ${o.summary[s]}`)
      .join(' · ');
    doc.fontSize(10).text(`${o.obligation.article} (${o.obligation.id})`, { underline: true });
    doc.fontSize(9).text(o.obligation.summary_en);
    doc.text(`${L('Pemeriksaan', 'Check')}: ${o.check.type} — ${counts}`);
    const failing = o.parties.filter((p) => p.status === 'late' || p.status === 'missing');
    for (const p of failing.slice(0, 40)) {
      doc.text(
        `   • ${p.label}: ${STATUS_LABELS[p.status][lang]}${p.dueOn ? ` (${p.dueOn})` : ''}`,
      );
    }
    if (failing.length > 40) doc.text(`   … ${failing.length - 40}`);
    doc.moveDown(0.5);
  }
  doc.end();
  return { fileName: `kepatuhan-${view.profileId}-${view.today}.pdf`, bytes: await done };
}

/** The CLI report: per obligation, the status per bound party and the check that decided it. */
export async function complianceReport(ctx: Ctx, profileId?: string, today?: string) {
  const view = await scopedEvaluation(ctx, { profile: profileId }, today);
  return {
    profile: view.profileId,
    title: view.title,
    today: view.today,
    obligations: view.obligations.map((o) => ({
      id: o.obligation.id,
      article: o.obligation.article,
      binds: o.obligation.binds,
      module: o.obligation.module,
      check: o.check.type,
      supported: o.supported,
      parties: o.parties.map((p) => ({
        party: p.key,
        label: p.label,
        status: p.status,
        decidedBy: p.decidedBy,
        dueOn: p.dueOn,
      })),
    })),
    summary: view.summary,
  };
}
