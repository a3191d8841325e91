import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { Lang } from '../../../platform/i18n/messages.js';
import type { EvaluationView } from '../evaluation-view.js';
import type { FrameworkDefinition } from '../framework.js';
import { scaleOf } from '../framework.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The indicator sheet as a workbook: per indicator its domain, aspect, weight, levels at each
 * stage with their names, explanation, evidence and the validator's note — the form the results
 * are entered in at monev.spbe.go.id.
 */
export async function renderIndicatorSheet(
  lang: Lang,
  view: EvaluationView,
  def: FrameworkDefinition,
) {
  const en = lang === 'en';
  const header = [
    'No',
    'Domain',
    en ? 'Aspect' : 'Aspek',
    en ? 'Indicator' : 'Indikator',
    en ? 'Weight (%)' : 'Bobot (%)',
    en ? 'Assigned to' : 'Penanggung indikator',
    en ? 'Self level' : 'Tingkat mandiri',
    en ? 'Explanation' : 'Penjelasan',
    en ? 'Evidence' : 'Data dukung',
    en ? 'Validated level' : 'Tingkat validasi',
    en ? 'Validator note' : 'Catatan validasi',
    en ? 'External level' : 'Tingkat eksternal',
    en ? 'Level name' : 'Nama tingkat',
  ];
  const data: Row[] = [header.map((value) => ({ value, fontWeight: 'bold' as const }))];
  for (const i of view.indicators) {
    const final = i.externalLevel ?? i.validatedLevel ?? i.selfLevel;
    const levelName =
      final === null
        ? null
        : (scaleOf(def, i.no).levels.find((l) => l.level === final)?.name ?? null);
    data.push([
      { value: i.no, type: Number },
      { value: i.domain, type: Number },
      { value: i.aspect, type: Number },
      i.name,
      { value: i.weight, type: Number },
      i.assigneeName,
      i.selfLevel === null ? null : { value: i.selfLevel, type: Number },
      i.explanation,
      [
        ...i.evidenceFiles.map((f) => f.name),
        ...i.evidenceLinks.map((l) => `${l.label} (${l.ref})`),
      ].join('; ') || null,
      i.validatedLevel === null ? null : { value: i.validatedLevel, type: Number },
      i.validationNote,
      i.externalLevel === null ? null : { value: i.externalLevel, type: Number },
      levelName,
    ]);
  }
  const bytes = await writeXlsxFile(data, {
    sheet: en ? 'Indicators' : 'Indikator',
    columns: [6, 8, 8, 60, 10, 24, 10, 50, 40, 10, 40, 10, 18].map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
  return { fileName: `evaluasi-spbe-${view.year}-indikator.xlsx`, bytes };
}
