import { CsvError, parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

/** A table as read from a file: header names and raw cells (strings from CSV/JSON, typed from XLSX). */
export interface RawTable {
  headers: string[];
  rows: unknown[][];
  /** Line number in the file of each row (header = 1), for error messages. */
  lines: number[];
}

export type TableFormat = 'CSV' | 'XLSX' | 'JSON';

/** Upper bounds a table upload must stay within (the byte limit is the file store's). */
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 200;

export class TableReadError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an uploaded CSV or JSON file and the encoding it was in. A UTF-8 BOM is honoured
 * and dropped; UTF-16 with a BOM is decoded; bytes that are not valid UTF-8 are read as
 * Windows-1252 (what Excel on Indonesian Windows writes as "CSV"), unless they hold NUL bytes
 * or C1 control characters that no real Windows-1252 text contains.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) throw new TableReadError('binary');
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252 bytes 0x80–0x9F (the rest is Latin-1); undefined ones are null. */
const CP1252_HIGH = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

/**
 * Decoded by hand: Node built with small ICU treats the `windows-1252` label as Latin-1. Bytes
 * undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean it is some other encoding.
 */
function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    if (byte < 0x80 || byte > 0x9f) out += String.fromCharCode(byte);
    else {
      const code = CP1252_HIGH[byte - 0x80];
      if (code === null || code === undefined) throw new TableReadError('encoding');
      out += String.fromCharCode(code);
    }
  }
  return out;
}

function decodeUtf8(bytes: Buffer) {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new TableReadError('encoding');
  }
}

/** `;` when the header line has more semicolons than commas (Excel with an Indonesian locale). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

function checkShape(headers: string[], rowCount: number) {
  if (headers.length === 0 || headers.every((h) => h === '')) throw new TableReadError('noHeader');
  if (headers.length > MAX_COLUMNS) {
    throw new TableReadError('tooManyColumns', { limit: MAX_COLUMNS });
  }
  if (rowCount > MAX_ROWS) throw new TableReadError('tooManyRows', { limit: MAX_ROWS });
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h)) throw new TableReadError('duplicateHeader', { column: h });
    seen.add(h);
  }
}

export function parseCsv(text: string): RawTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      max_record_size: 1_000_000,
      to: MAX_ROWS + 2,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new TableReadError('malformedCsv', { line, reason: error.code });
    }
    throw error;
  }
  const [header, ...rest] = records;
  if (!header) throw new TableReadError('noHeader');
  const headers = header.record.map((h) => h.trim());
  checkShape(headers, rest.length);
  // The line of each record in the file as csv-parse counted it (blank lines skipped).
  return { headers, rows: rest.map((r) => r.record), lines: rest.map((r) => r.info.lines) };
}

export function parseJson(text: string): RawTable {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TableReadError('malformedJson');
  }
  const records = Array.isArray(value)
    ? value
    : ((value as { data?: unknown } | null)?.data ?? null);
  if (!Array.isArray(records)) throw new TableReadError('jsonNotTable');
  const headers: string[] = [];
  for (const record of records.slice(0, 1000)) {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      throw new TableReadError('jsonNotTable');
    }
    for (const key of Object.keys(record)) if (!headers.includes(key)) headers.push(key);
  }
  checkShape(headers, records.length);
  const rows = records.map((record, i) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      throw new TableReadError('jsonNotTable', { line: i + 2 });
    }
    return headers.map((h) => {
      const cell = (record as Record<string, unknown>)[h];
      if (cell !== null && typeof cell === 'object') {
        throw new TableReadError('jsonNested', { line: i + 2, column: h });
      }
      return cell === undefined || cell === null ? '' : cell;
    });
  });
  return { headers, rows, lines: rows.map((_, i) => i + 2) };
}

export async function parseXlsx(bytes: Buffer): Promise<RawTable> {
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(bytes)) as unknown[][];
  } catch {
    throw new TableReadError('malformedXlsx');
  }
  const [header, ...rest] = sheet;
  if (!header) throw new TableReadError('noHeader');
  const headers = header.map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const rows: unknown[][] = [];
  const lines: number[] = [];
  rest.forEach((row, i) => {
    if (row.every((c) => c === null || c === '')) return;
    rows.push(headers.map((_, j) => (row[j] === null || row[j] === undefined ? '' : row[j])));
    lines.push(i + 2);
  });
  checkShape(headers, rows.length);
  return { headers, rows, lines };
}

/** What a table file is, from the sniffed media type and the file name. */
export function tableFormatOf(mediaType: string | null, fileName: string): TableFormat | null {
  if (mediaType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
    return 'XLSX';
  }
  if (mediaType === 'text/plain' || mediaType === null) {
    if (/\.csv$/i.test(fileName)) return 'CSV';
    if (/\.json$/i.test(fileName)) return 'JSON';
  }
  return null;
}

export async function readTable(
  format: TableFormat,
  bytes: Buffer,
): Promise<RawTable & { encoding: string }> {
  if (format === 'XLSX') return { ...(await parseXlsx(bytes)), encoding: 'xlsx' };
  const { text, encoding } = decodeText(bytes);
  return { ...(format === 'CSV' ? parseCsv(text) : parseJson(text)), encoding };
}
