import type PDFKitDocument from 'pdfkit';
import type { Lang } from '../../../platform/i18n/messages.js';
import type { EvaluationView } from '../evaluation-view.js';
import type { FrameworkDefinition } from '../framework.js';

type Doc = InstanceType<typeof PDFKitDocument>;

export interface ReportInput {
  lang: Lang;
  government: string;
  view: EvaluationView;
  framework: FrameworkDefinition;
  /** Earlier years, for the trend. */
  trend: { year: number; index: number | null }[];
  /** The cheapest raises to the next predikat (the improvement recommendations). */
  recommendation: {
    target: number;
    rating: string;
    steps: { no: number; name: string; from: number; to: number }[];
  } | null;
}

/** Two decimals with a decimal comma, as official documents show an index. */
export const idNumber = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toFixed(2).replace('.', ',');

const COLORS = { self: '#94a3b8', validated: '#1d4ed8', external: '#15803d', grid: '#cbd5e1' };

function L(lang: Lang, id: string, en: string) {
  return lang === 'id' ? id : en;
}

function heading(doc: Doc, text: string) {
  if (doc.y > 700) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#0f172a').text(text, 50);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
}

/** A radar chart of the aspect indices (0–5), one polygon per stage. */
function radar(
  doc: Doc,
  cx: number,
  cy: number,
  r: number,
  labels: string[],
  series: { color: string; values: number[] }[],
) {
  const n = labels.length;
  const point = (k: number, v: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * k) / n;
    return [cx + (r * v * Math.cos(a)) / 5, cy + (r * v * Math.sin(a)) / 5] as const;
  };
  doc.lineWidth(0.5).strokeColor(COLORS.grid);
  for (let ring = 1; ring <= 5; ring++) {
    const [x0, y0] = point(0, ring);
    doc.moveTo(x0, y0);
    for (let k = 1; k <= n; k++) doc.lineTo(...point(k % n, ring));
    doc.stroke();
  }
  for (let k = 0; k < n; k++) {
    doc
      .moveTo(cx, cy)
      .lineTo(...point(k, 5))
      .stroke();
    const [lx, ly] = point(k, 5.9);
    doc
      .fontSize(8)
      .fillColor('#334155')
      .text(labels[k] ?? '', lx - 40, ly - 5, { width: 80, align: 'center' });
  }
  for (const s of series) {
    if (s.values.length !== n) continue;
    const [x0, y0] = point(0, s.values[0] ?? 0);
    doc.moveTo(x0, y0);
    s.values.forEach((v, k) => {
      if (k > 0) doc.lineTo(...point(k, v));
    });
    doc.closePath().lineWidth(1.5).fillOpacity(0.15).fillAndStroke(s.color, s.color);
    doc.fillOpacity(1);
  }
}

/** Renders the evaluation report for the Bupati (Laporan Hasil Evaluasi: PermenPANRB 59/2020 Lampiran p.88). */
export async function renderEvaluationReport(input: ReportInput): Promise<Buffer> {
  const { lang, view, framework } = input;
  // Loaded on first use: pdfkit costs ~170 ms and ~30 MB at start-up for a rarely used report.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${L(lang, 'Laporan Evaluasi SPBE', 'SPBE evaluation report')} ${view.year}`,
      Author: 'Simpul',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  const main = view.indices.external ?? view.indices.validated ?? view.indices.self;
  const mainLabel = view.indices.external
    ? L(lang, 'hasil asesor eksternal', 'external assessors’ result')
    : L(lang, 'hasil validasi internal', 'internally validated');

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#0f172a');
  doc.text(`${L(lang, 'Laporan Evaluasi SPBE', 'SPBE Evaluation Report')} ${view.year}`);
  doc.font('Helvetica').fontSize(11).fillColor('#334155').text(input.government);
  doc.fontSize(9).text(framework.regulation);
  doc.text(`${L(lang, 'Tahap', 'Stage')}: ${view.stageLabel}`);

  // The headline: index and predikat.
  const top = doc.y + 12;
  doc.roundedRect(50, top, 495, 70, 6).fillAndStroke('#eff6ff', '#bfdbfe');
  doc
    .fillColor('#1e3a8a')
    .font('Helvetica')
    .fontSize(10)
    .text(`${framework.indexName} (${mainLabel})`, 66, top + 10);
  doc
    .font('Helvetica-Bold')
    .fontSize(28)
    .text(idNumber(main?.index), 66, top + 26);
  doc.fontSize(16).text(main?.rating ?? '', 190, top + 34);
  if (main && main.missing > 0) {
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#b45309')
      .text(
        L(
          lang,
          `Sementara: ${main.missing} indikator belum dinilai (dihitung tingkat terendah).`,
          `Provisional: ${main.missing} indicators not yet assessed (counted at the lowest level).`,
        ),
        320,
        top + 40,
        { width: 210 },
      );
  }
  doc.y = top + 82;
  doc.x = 50;

  heading(doc, L(lang, 'Indeks per tahap', 'Index per stage'));
  const stages = [
    [L(lang, 'Penilaian mandiri', 'Self-assessment'), view.indices.self],
    [L(lang, 'Validasi internal', 'Internal validation'), view.indices.validated],
    [L(lang, 'Asesor eksternal', 'External assessors'), view.indices.external],
  ] as const;
  table(
    doc,
    [L(lang, 'Tahap', 'Stage'), framework.indexName, L(lang, 'Predikat', 'Rating')],
    [220, 120, 155],
    stages.map(([name, idx]) => [name, idNumber(idx?.index), idx?.rating ?? '–']),
  );

  heading(doc, L(lang, 'Indeks domain dan aspek', 'Domain and aspect indices'));
  const rows: string[][] = [];
  for (const d of framework.domains) {
    const at = (s: typeof view.indices.self, kind: 'domains' | 'aspects', no: number) =>
      idNumber(s?.[kind].find((x) => x.no === no)?.index);
    rows.push([
      `Domain ${d.no}. ${d.name}`,
      at(view.indices.self, 'domains', d.no),
      at(view.indices.validated, 'domains', d.no),
      at(view.indices.external, 'domains', d.no),
    ]);
    for (const a of framework.aspects.filter((x) => x.domain === d.no)) {
      rows.push([
        `    ${L(lang, 'Aspek', 'Aspect')} ${a.no}. ${a.name}`,
        at(view.indices.self, 'aspects', a.no),
        at(view.indices.validated, 'aspects', a.no),
        at(view.indices.external, 'aspects', a.no),
      ]);
    }
  }
  table(
    doc,
    [
      '',
      L(lang, 'Mandiri', 'Self'),
      L(lang, 'Validasi', 'Validated'),
      L(lang, 'Eksternal', 'External'),
    ],
    [285, 70, 70, 70],
    rows,
  );

  // Charts: aspect radar and the year-over-year trend.
  doc.addPage();
  heading(doc, L(lang, 'Radar aspek', 'Aspect radar'));
  const radarTop = doc.y + 20;
  const series = (s: typeof view.indices.self, color: string) =>
    s
      ? [
          {
            color,
            values: framework.aspects.map((a) => s.aspects.find((x) => x.no === a.no)?.index ?? 0),
          },
        ]
      : [];
  radar(
    doc,
    297,
    radarTop + 130,
    110,
    framework.aspects.map((a) => `${a.no}. ${a.name}`),
    [
      ...series(view.indices.self, COLORS.self),
      ...series(view.indices.validated, COLORS.validated),
      ...series(view.indices.external, COLORS.external),
    ],
  );
  let lx = 150;
  for (const [name, color] of [
    [L(lang, 'Mandiri', 'Self'), COLORS.self],
    [L(lang, 'Validasi', 'Validated'), COLORS.validated],
    [L(lang, 'Eksternal', 'External'), COLORS.external],
  ] as const) {
    doc.rect(lx, radarTop + 290, 10, 10).fill(color);
    doc
      .fillColor('#334155')
      .fontSize(9)
      .text(name, lx + 14, radarTop + 291);
    lx += 100;
  }
  doc.y = radarTop + 320;
  doc.x = 50;
  heading(doc, L(lang, 'Tren tahunan', 'Year-over-year trend'));
  const chartTop = doc.y + 10;
  const bars = input.trend.filter((p) => p.index !== null);
  const bw = Math.min(60, 440 / Math.max(1, bars.length));
  doc.strokeColor(COLORS.grid).lineWidth(0.5);
  for (let v = 0; v <= 5; v++) {
    const y = chartTop + 150 - v * 30;
    doc.moveTo(80, y).lineTo(540, y).stroke();
    doc
      .fillColor('#64748b')
      .fontSize(8)
      .text(String(v), 60, y - 4);
  }
  bars.forEach((p, k) => {
    const h = (p.index ?? 0) * 30;
    const x = 90 + k * (bw + 12);
    doc
      .rect(x, chartTop + 150 - h, bw, h)
      .fill(p.year === view.year ? COLORS.validated : COLORS.self);
    doc
      .fillColor('#0f172a')
      .fontSize(9)
      .text(idNumber(p.index), x, chartTop + 150 - h - 12, { width: bw, align: 'center' });
    doc.text(String(p.year), x, chartTop + 155, { width: bw, align: 'center' });
  });
  doc.y = chartTop + 175;
  doc.x = 50;

  heading(doc, L(lang, 'Rekomendasi perbaikan', 'Improvement recommendations'));
  const rec = input.recommendation;
  if (!rec) {
    doc.text(L(lang, 'Predikat tertinggi sudah tercapai.', 'The highest rating is reached.'));
  } else {
    doc.text(
      L(
        lang,
        `Untuk mencapai predikat ${rec.rating} (indeks ${idNumber(rec.target)}), langkah terkecil yang cukup adalah menaikkan tingkat indikator berikut:`,
        `To reach ${rec.rating} (index ${idNumber(rec.target)}), the smallest sufficient set of improvements raises these indicators:`,
      ),
    );
    doc.moveDown(0.3);
    table(
      doc,
      [
        L(lang, 'No', 'No'),
        L(lang, 'Indikator', 'Indicator'),
        L(lang, 'Dari', 'From'),
        L(lang, 'Ke', 'To'),
      ],
      [35, 360, 50, 50],
      rec.steps.map((s) => [String(s.no), s.name, String(s.from), String(s.to)]),
    );
  }

  doc.addPage();
  heading(doc, L(lang, 'Nilai indikator', 'Indicator levels'));
  table(
    doc,
    [
      'No',
      L(lang, 'Indikator', 'Indicator'),
      L(lang, 'Bobot', 'Weight'),
      L(lang, 'Mandiri', 'Self'),
      L(lang, 'Validasi', 'Valid.'),
      L(lang, 'Eksternal', 'Ext.'),
    ],
    [28, 287, 45, 45, 45, 45],
    view.indicators.map((i) => [
      String(i.no),
      i.name.replace(/^Tingkat Kematangan /, ''),
      i.weight.toFixed(2).replace('.', ','),
      i.selfLevel === null ? '–' : String(i.selfLevel),
      i.validatedLevel === null ? '–' : String(i.validatedLevel),
      i.externalLevel === null ? '–' : String(i.externalLevel),
    ]),
    8,
  );
  doc
    .moveDown(1)
    .fontSize(8)
    .fillColor('#64748b')
    .text(
      L(
        lang,
        `Dihitung dengan rumus ${framework.regulation} (Lampiran A.4) dari nilai tidak dibulatkan; ditampilkan dua desimal. Predikat menurut Tabel 13 atas nilai tidak dibulatkan. Dibuat oleh Simpul pada ${new Date().toISOString().slice(0, 10)}.`,
        `Computed with the formula of ${framework.regulation} (Lampiran A.4) on unrounded values; shown with two decimals. Rating by Tabel 13 on the unrounded value. Generated by Simpul on ${new Date().toISOString().slice(0, 10)}.`,
      ),
      50,
    );
  doc.end();
  return done;
}

/** A simple table that breaks across pages. */
function table(doc: Doc, header: string[], widths: number[], rows: string[][], fontSize = 9) {
  const draw = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    const h =
      Math.max(...cells.map((c, k) => doc.heightOfString(c, { width: (widths[k] ?? 50) - 6 }))) + 6;
    if (doc.y + h > 790) doc.addPage();
    const y = doc.y;
    let x = 50;
    if (bold)
      doc
        .rect(
          50,
          y,
          widths.reduce((a, b) => a + b, 0),
          h,
        )
        .fill('#e2e8f0');
    cells.forEach((c, k) => {
      doc.fillColor('#0f172a').text(c, x + 3, y + 3, { width: (widths[k] ?? 50) - 6 });
      x += widths[k] ?? 50;
    });
    doc
      .moveTo(50, y + h)
      .lineTo(x, y + h)
      .lineWidth(0.3)
      .strokeColor(COLORS.grid)
      .stroke();
    doc.y = y + h;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.x = 50;
  doc.font('Helvetica').fontSize(10);
}
