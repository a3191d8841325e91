import writeXlsxFile, { type Row } from 'write-excel-file/node';

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe. Numbers are left alone.
 */
export function neutralise(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(neutralise(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV, UTF-8, CRLF line ends, formula-like text neutralised. */
export function toCsv(columns: string[], records: Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of records) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(
  columns: string[],
  records: Record<string, unknown>[],
  sheet: string,
): Promise<Buffer> {
  const cell = (value: unknown): Row[number] => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return { value, type: Number };
    if (typeof value === 'boolean') return { value, type: Boolean };
    return { value: String(neutralise(value)), type: String };
  };
  const data: Row[] = [
    columns.map((c) => ({ value: c, fontWeight: 'bold' as const })),
    ...records.map((r) => columns.map((c) => cell(r[c]))),
  ];
  return writeXlsxFile(data, {
    sheet: sheet.slice(0, 31) || 'Data',
    stickyRowsCount: 1,
  }).toBuffer();
}
