import { describe, expect, it } from 'vitest';
import { toCsv } from './export-table.js';
import { decodeText, parseCsv, parseJson, TableReadError } from './parse-table.js';
import { castCell, schemaProblems, type TableSchema, validateTable } from './table-schema.js';

const codes = new Map([['ref:kemendagri-wilayah', new Set(['51.02.01', '51.02.02'])]]);

describe('reading files', () => {
  it('detects UTF-8 with and without BOM, Windows-1252, and refuses binaries', () => {
    expect(decodeText(Buffer.from('a;b\n1;2'))).toEqual({ text: 'a;b\n1;2', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      text: 'a',
      encoding: 'utf-8-bom',
    });
    expect(decodeText(Buffer.from('Selemadég € 5', 'latin1')).encoding).toBe('windows-1252');
    expect(decodeText(Buffer.from([0x80, 0x41])).text).toBe('€A');
    expect(() => decodeText(Buffer.from([0x41, 0x00, 0x42]))).toThrow(TableReadError);
    expect(() => decodeText(Buffer.from([0x81, 0x41]))).toThrow(/encoding/);
  });

  it('reads semicolon CSV with quoted newlines and reports the line of each record', () => {
    const table = parseCsv('a;b\n1;"dua\nbaris"\n\n3;4\n');
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      ['1', 'dua\nbaris'],
      ['3', '4'],
    ]);
    expect(table.lines).toEqual([3, 5]);
  });

  it('refuses malformed CSV, duplicate headers and nested JSON', () => {
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(TableReadError);
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(TableReadError);
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/duplicateHeader/);
    expect(() => parseJson('{"x":1}')).toThrow(/jsonNotTable/);
    expect(() => parseJson('[{"a":{"b":1}}]')).toThrow(/jsonNested/);
    expect(parseJson('[{"a":1,"b":null},{"a":2}]').rows).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });
});

describe('Table Schema', () => {
  const num = { name: 'n', type: 'number' as const, decimalChar: ',', groupChar: '.' };
  it('reads Indonesian numbers and refuses a point where the comma is the decimal sign', () => {
    expect(castCell(num, '1.234,5')).toEqual({ value: 1234.5 });
    expect(castCell(num, '-0,25')).toEqual({ value: -0.25 });
    expect(castCell({ name: 'n', type: 'number', decimalChar: ',' }, '12.5')).toMatchObject({
      error: 'type.number',
    });
    expect(castCell({ name: 'i', type: 'integer', groupChar: '.' }, '1.204')).toEqual({
      value: 1204,
    });
    expect(castCell({ name: 'i', type: 'integer' }, '1.5')).toMatchObject({
      error: 'type.integer',
    });
    expect(castCell({ name: 'd', type: 'date', format: '%d/%m/%Y' }, '31/12/2025')).toEqual({
      value: '2025-12-31',
    });
    expect(castCell({ name: 'd', type: 'date' }, '2025-02-30')).toMatchObject({
      error: 'type.date',
    });
    expect(castCell({ name: 'b', type: 'boolean' }, 'Ya')).toEqual({ value: true });
    expect(castCell({ name: 'p', type: 'number', bareNumber: false }, 'Rp 95')).toEqual({
      value: 95,
    });
  });

  it('reports every problem with its line and column', () => {
    const schema: TableSchema = {
      fields: [
        { name: 'kode', type: 'string', constraints: { required: true } },
        { name: 'jenis', type: 'string', constraints: { enum: ['SD', 'SMP'] } },
        { name: 'jumlah', type: 'integer', constraints: { minimum: 0, unique: true } },
      ],
      primaryKey: 'kode',
      foreignKeys: [
        { fields: 'kode', reference: { resource: 'ref:kemendagri-wilayah', fields: 'code' } },
      ],
    };
    const table = parseCsv(
      'kode,jenis,jumlah\n51.02.01,SD,1\n51.02.01,SMA,1\n,SD,-2\n51.02.09,SMP,x\n',
    );
    const check = validateTable(table, schema, codes);
    expect(check.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'jenis', 'constraint.enum'],
      [3, 'jumlah', 'constraint.unique'],
      [3, 'kode', 'primaryKey'],
      [4, 'kode', 'constraint.required'],
      [4, 'jumlah', 'constraint.minimum'],
      [5, 'jumlah', 'type.integer'],
      [5, 'kode', 'foreignKey'],
    ]);
  });

  it('checks the header before any row, and the schema itself', () => {
    const check = validateTable(
      parseCsv('kode,lain\n1,2\n'),
      { fields: [{ name: 'kode' }, { name: 'nilai' }] },
      new Map(),
    );
    expect(check.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [1, 'nilai', 'header.missing'],
      [1, 'lain', 'header.extra'],
    ]);
    expect(
      schemaProblems({
        fields: [{ name: 'a' }, { name: 'a', constraints: { pattern: '(' } }],
        foreignKeys: [{ fields: 'b', reference: { resource: 'other', fields: 'x' } }],
      }).map((p) => p.code),
    ).toEqual(['duplicate', 'pattern', 'unknownField', 'refOnly']);
  });
});

describe('exports', () => {
  it('neutralises formula-like text in CSV, not numbers', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          { a: '=1+1', b: -5 },
          { a: '@x', b: 2 },
          { a: 'a,"b"', b: null },
        ],
      ),
    ).toBe(`a,b\r\n'=1+1,-5\r\n'@x,2\r\n"a,""b""",\r\n`);
  });
});
