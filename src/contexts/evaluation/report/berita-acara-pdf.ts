import type { EvaluationView } from '../evaluation-view.js';
import type { FrameworkDefinition } from '../framework.js';
import { idNumber } from './pdf-report.js';

const ROLE_NAMES: Record<string, string> = {
  coordinator: 'Koordinator SPBE',
  responsible: 'Penanggung Jawab',
  data_entry: 'Pelaksana Entri Data',
  member: 'Anggota',
};

/**
 * The draft Berita Acara Penilaian Mandiri (PermenPANRB 59/2020 Lampiran p.85 langkah 5), to be
 * printed, signed by the Koordinator SPBE and uploaded back as a scan.
 */
export async function renderBeritaAcara(
  government: string,
  view: EvaluationView,
  framework: FrameworkDefinition,
): Promise<Buffer> {
  // Loaded on first use: pdfkit costs ~170 ms and ~30 MB at start-up for a rarely used report.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    info: { Title: `Berita Acara Penilaian Mandiri SPBE ${view.year}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const idx = view.indices.validated;
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text('BERITA ACARA PENILAIAN MANDIRI', { align: 'center' });
  doc.text(`SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK TAHUN ${view.year}`, { align: 'center' });
  doc.moveDown().font('Helvetica').fontSize(11);
  doc.text(
    `Pada hari ini, tanggal ........................................, Tim Asesor Internal ${government} telah melaksanakan penilaian mandiri Sistem Pemerintahan Berbasis Elektronik berdasarkan ${framework.regulation}, dengan hasil sebagai berikut:`,
    { align: 'justify' },
  );
  doc.moveDown();
  doc
    .font('Helvetica-Bold')
    .text(`${framework.indexName}: ${idNumber(idx?.index)} (${idx?.rating ?? '-'})`);
  doc.font('Helvetica').moveDown(0.5);
  for (const d of idx?.domains ?? []) doc.text(`Domain ${d.no}. ${d.name}: ${idNumber(d.index)}`);
  doc.moveDown();
  doc.text(
    'Hasil penilaian mandiri beserta penjelasan dan data dukung setiap indikator telah diverifikasi dan divalidasi oleh Penanggung Jawab, dan disampaikan kepada Menteri melalui aplikasi Pemantauan dan Evaluasi SPBE.',
    { align: 'justify' },
  );
  doc.moveDown(2);
  doc.text('Tim Asesor Internal:');
  for (const m of view.members) doc.text(`- ${m.name} (${ROLE_NAMES[m.role] ?? m.role})`);
  doc.moveDown(3);
  const coordinator = view.members.find((m) => m.role === 'coordinator');
  doc.text('Koordinator SPBE,', 330);
  doc.moveDown(4);
  doc.text(coordinator?.name ?? '...............................', 330);
  doc.end();
  return done;
}
