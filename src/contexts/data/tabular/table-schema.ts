import type { ValidationIssue } from '../db/tables.js';
import type { RawTable } from './parse-table.js';

/**
 * The subset of Frictionless Table Schema v2 Simpul validates (frictionlessdata/specs,
 * table-schema.md). Standar Data (Perpres 39/2019 Pasal 4) maps onto it: `title`/`description`
 * carry konsep and definisi, `constraints.enum` or a foreign key to a code list the
 * klasifikasi, and `sdi:ukuran` / `sdi:satuan` the measure and unit.
 */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'year' | 'any';

export interface TableField {
  name: string;
  type?: FieldType;
  format?: string;
  title?: string;
  description?: string;
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: {
    required?: boolean;
    unique?: boolean;
    minimum?: number | string;
    maximum?: number | string;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    enum?: (string | number)[];
  };
  'sdi:ukuran'?: string;
  'sdi:satuan'?: string;
}

export interface ForeignKey {
  fields: string | string[];
  /** `resource` names a code list: `ref:<code>` (latest version) or `ref:<code>@<version>`. */
  reference: { resource: string; fields: string | string[] };
}

export interface TableSchema {
  fields: TableField[];
  missingValues?: string[];
  primaryKey?: string | string[];
  foreignKeys?: ForeignKey[];
}

/** The code lists a schema's foreign keys point at, resolved by the caller: list ref → codes. */
export type CodeLists = Map<string, Set<string>>;

export const MAX_REPORTED_ERRORS = 500;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(text: string, format: string | undefined): string | null {
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  if (!format || format === 'default' || format === 'any') {
    [, y, m, d] = DATE.exec(text) ?? [];
    if (!y && format === 'any') [, d, m, y] = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) ?? [];
  } else if (format === '%d/%m/%Y' || format === '%d-%m-%Y') {
    [, d, m, y] = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text) ?? [];
  } else if (format === '%Y-%m-%d') {
    [, y, m, d] = DATE.exec(text) ?? [];
  }
  if (!y || !m || !d) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** A number as Table Schema reads it, honouring decimalChar / groupChar ("1.234,5"). */
function parseNumber(text: string, field: TableField, integer: boolean): number | null {
  let s = text.trim();
  if (field.bareNumber === false) s = s.replace(/^[^\d+-]+|[^\d]+$/g, '');
  const group = field.groupChar;
  if (group) s = s.split(group).join('');
  const decimal = integer ? null : (field.decimalChar ?? '.');
  if (decimal && decimal !== '.') {
    if (s.includes('.')) return null; // a point where a comma is the decimal sign: ambiguous
    s = s.replace(decimal, '.');
  }
  const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (!pattern.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The logical value of one cell, or an issue code when it cannot be read as its type. */
export function castCell(
  field: TableField,
  raw: unknown,
): { value: unknown } | { error: string; params?: Record<string, string | number> } {
  const type = field.type ?? 'string';
  if (typeof raw === 'number') {
    if (type === 'number') return { value: raw };
    if (type === 'integer' || type === 'year') {
      return Number.isInteger(raw) ? { value: raw } : { error: `type.${type}` };
    }
    if (type === 'string' || type === 'any') return { value: String(raw) };
    if (type === 'boolean')
      return raw === 1 || raw === 0 ? { value: raw === 1 } : { error: 'type.boolean' };
    return { error: `type.${type}` };
  }
  if (raw instanceof Date) {
    if (type === 'date') return { value: raw.toISOString().slice(0, 10) };
    if (type === 'string' || type === 'any') return { value: raw.toISOString().slice(0, 10) };
    return { error: `type.${type}` };
  }
  if (typeof raw === 'boolean') {
    return type === 'boolean' || type === 'any' ? { value: raw } : { error: `type.${type}` };
  }
  const text = String(raw);
  switch (type) {
    case 'string':
    case 'any':
      return { value: text };
    case 'integer': {
      const n = parseNumber(text, field, true);
      return n === null ? { error: 'type.integer' } : { value: n };
    }
    case 'number': {
      const n = parseNumber(text, field, false);
      return n === null
        ? { error: 'type.number', params: { decimalChar: field.decimalChar ?? '.' } }
        : { value: n };
    }
    case 'year':
      return /^\d{4}$/.test(text.trim()) ? { value: Number(text.trim()) } : { error: 'type.year' };
    case 'boolean': {
      const t = field.trueValues ?? ['true', 'True', 'TRUE', '1', 'ya', 'Ya', 'YA'];
      const f = field.falseValues ?? ['false', 'False', 'FALSE', '0', 'tidak', 'Tidak', 'TIDAK'];
      if (t.includes(text.trim())) return { value: true };
      if (f.includes(text.trim())) return { value: false };
      return { error: 'type.boolean' };
    }
    case 'date': {
      const d = parseDate(text.trim(), field.format);
      return d === null
        ? { error: 'type.date', params: { format: field.format ?? 'YYYY-MM-DD' } }
        : { value: d };
    }
    default:
      return { error: 'type.unknown' };
  }
}

function constraintIssue(
  field: TableField,
  value: unknown,
): { code: string; params?: Record<string, string | number> } | null {
  const c = field.constraints;
  if (!c) return null;
  if (c.enum && !c.enum.map(String).includes(String(value))) {
    return { code: 'constraint.enum', params: { values: c.enum.join(', ') } };
  }
  if (typeof value === 'number' || (typeof value === 'string' && field.type === 'date')) {
    if (c.minimum !== undefined && value < c.minimum) {
      return { code: 'constraint.minimum', params: { limit: c.minimum } };
    }
    if (c.maximum !== undefined && value > c.maximum) {
      return { code: 'constraint.maximum', params: { limit: c.maximum } };
    }
  }
  if (typeof value === 'string' && field.type !== 'date') {
    if (c.minLength !== undefined && value.length < c.minLength) {
      return { code: 'constraint.minLength', params: { limit: c.minLength } };
    }
    if (c.maxLength !== undefined && value.length > c.maxLength) {
      return { code: 'constraint.maxLength', params: { limit: c.maxLength } };
    }
    if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) {
      return { code: 'constraint.pattern', params: { pattern: c.pattern } };
    }
  }
  return null;
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

/** Code-list references of a schema's foreign keys (`ref:…`), for the caller to load. */
export function codeListRefs(schema: TableSchema): string[] {
  return (schema.foreignKeys ?? []).map((fk) => fk.reference.resource);
}

/** Problems in the schema itself that the JSON Schema of the route cannot see. */
export function schemaProblems(schema: TableSchema): { path: string; code: string }[] {
  const problems: { path: string; code: string }[] = [];
  const names = schema.fields.map((f) => f.name);
  schema.fields.forEach((f, i) => {
    if (names.indexOf(f.name) !== i)
      problems.push({ path: `/fields/${i}/name`, code: 'duplicate' });
    if (f.constraints?.pattern !== undefined) {
      try {
        new RegExp(f.constraints.pattern, 'u');
      } catch {
        problems.push({ path: `/fields/${i}/constraints/pattern`, code: 'pattern' });
      }
    }
  });
  (schema.foreignKeys ?? []).forEach((fk, i) => {
    for (const name of asList(fk.fields)) {
      if (!names.includes(name))
        problems.push({ path: `/foreignKeys/${i}/fields`, code: 'unknownField' });
    }
    if (!fk.reference.resource.startsWith('ref:')) {
      problems.push({ path: `/foreignKeys/${i}/reference/resource`, code: 'refOnly' });
    }
  });
  for (const key of schema.primaryKey ? asList(schema.primaryKey) : []) {
    if (!names.includes(key)) problems.push({ path: '/primaryKey', code: 'unknownField' });
  }
  return problems;
}

export interface TableCheck {
  issues: ValidationIssue[];
  errorCount: number;
  records: Record<string, unknown>[];
}

/**
 * Validates a table against its schema: header (every field present, no unknown column), then
 * every cell (type, required, constraints), uniqueness and primary key, and foreign keys into
 * code lists. Reports each problem with the file's line and the column; keeps counting after
 * MAX_REPORTED_ERRORS but stops listing.
 */
export function validateTable(
  table: RawTable,
  schema: TableSchema,
  codeLists: CodeLists,
): TableCheck {
  const issues: ValidationIssue[] = [];
  let errorCount = 0;
  const report = (issue: ValidationIssue) => {
    errorCount++;
    if (issues.length < MAX_REPORTED_ERRORS) issues.push(issue);
  };
  const missing = new Set(schema.missingValues ?? ['']);
  const columnOf = new Map<string, number>();
  for (const field of schema.fields) {
    const index = table.headers.indexOf(field.name);
    if (index < 0) report({ row: 1, column: field.name, code: 'header.missing' });
    else columnOf.set(field.name, index);
  }
  for (const header of table.headers) {
    if (!schema.fields.some((f) => f.name === header)) {
      report({ row: 1, column: header, code: 'header.extra' });
    }
  }
  if (errorCount > 0) return { issues, errorCount, records: [] };

  const uniqueFields = schema.fields.filter((f) => f.constraints?.unique);
  const seen = new Map<string, Map<string, number>>(uniqueFields.map((f) => [f.name, new Map()]));
  const pk = schema.primaryKey ? asList(schema.primaryKey) : [];
  const seenKeys = new Map<string, number>();
  const fks = (schema.foreignKeys ?? []).map((fk) => ({
    fields: asList(fk.fields),
    codes: codeLists.get(fk.reference.resource),
    resource: fk.reference.resource,
  }));
  const records: Record<string, unknown>[] = [];

  table.rows.forEach((cells, i) => {
    const line = table.lines[i] ?? i + 2;
    const record: Record<string, unknown> = {};
    for (const field of schema.fields) {
      const raw = cells[columnOf.get(field.name) as number];
      const text = typeof raw === 'string' ? raw : null;
      if (raw === undefined || raw === null || (text !== null && missing.has(text.trim()))) {
        record[field.name] = null;
        if (field.constraints?.required || pk.includes(field.name)) {
          report({ row: line, column: field.name, code: 'constraint.required', value: '' });
        }
        continue;
      }
      const cast = castCell(field, raw);
      if ('error' in cast) {
        report({
          row: line,
          column: field.name,
          code: cast.error,
          value: String(raw).slice(0, 100),
          params: cast.params,
        });
        record[field.name] = null;
        continue;
      }
      const problem = constraintIssue(field, cast.value);
      if (problem) {
        report({
          row: line,
          column: field.name,
          code: problem.code,
          value: String(raw).slice(0, 100),
          params: problem.params,
        });
      }
      record[field.name] = cast.value;
      const seenValues = seen.get(field.name);
      if (seenValues) {
        const key = String(cast.value);
        const first = seenValues.get(key);
        if (first !== undefined) {
          report({
            row: line,
            column: field.name,
            code: 'constraint.unique',
            value: key,
            params: { first },
          });
        } else seenValues.set(key, line);
      }
    }
    if (pk.length) {
      const key = JSON.stringify(pk.map((k) => record[k]));
      const first = seenKeys.get(key);
      if (first !== undefined) {
        report({ row: line, column: pk.join(', '), code: 'primaryKey', params: { first } });
      } else seenKeys.set(key, line);
    }
    for (const fk of fks) {
      const value = fk.fields.map((f) => record[f]);
      if (value.some((v) => v === null)) continue;
      if (!fk.codes?.has(value.map(String).join('|'))) {
        report({
          row: line,
          column: fk.fields.join(', '),
          code: 'foreignKey',
          value: value.join(', '),
          params: { list: fk.resource.slice(4) },
        });
      }
    }
    records.push(record);
  });
  return { issues, errorCount, records };
}
