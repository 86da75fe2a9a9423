import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRowBytes, lineBreaksIn, parseCsvRow, splitCsvRows } from './csv-text.js';

const awkwardField = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', ' ', ',', '"', '\r\n', '\n', 'é', '£', '😀'),
  maxLength: 12,
});
const table = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc.array(fc.array(awkwardField, { minLength: columns, maxLength: columns }), {
    minLength: 1,
    maxLength: 8,
  }),
);

function csvOf(rows: string[][]): Buffer {
  return Buffer.concat(rows.flatMap((row) => [csvRowBytes(row), Buffer.from('\r\n')]));
}

describe('CSV text', () => {
  it('quotes only what needs it, unless asked', () => {
    expect(csvRowBytes(['a', 'b,c', 'say "hi"', 'x\r\ny']).toString()).toBe('a,"b,c","say ""hi""","x\r\ny"');
    expect(csvRowBytes(['1', '2'], new Set([1])).toString()).toBe('1,"2"');
    expect(
      csvRowBytes(['1', Buffer.from([0x41, 0xff])]).equals(Buffer.from([0x31, 0x2c, 0x22, 0x41, 0xff, 0x22])),
    ).toBe(true);
  });

  it('round-trips awkward fields through its own splitter and parser, with first-line positions', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const split = splitCsvRows(csvOf(rows));
        expect(split.map((row) => parseCsvRow(row.bytes.toString('utf8')))).toEqual(rows);
        let line = 1;
        split.forEach((row) => {
          expect(row.line).toBe(line);
          line += lineBreaksIn(row.bytes) + 1;
        });
      }),
    );
  });

  it('writes what csv-parse reads back', () => {
    fc.assert(
      fc.property(table, (rows) => {
        // A lone empty field is an empty line to csv-parse, not a record.
        fc.pre(rows.every((row) => row.length > 1 || row[0] !== ''));
        expect(parse(csvOf(rows), { relax_column_count: true })).toEqual(rows);
      }),
    );
  });

  it('keeps bytes that are not UTF-8 as they were', () => {
    const content = Buffer.concat([Buffer.from('h\r\n"a'), Buffer.from([0xc3]), Buffer.from('",1\r\n')]);
    const [, row] = splitCsvRows(content);
    expect(
      row?.bytes.equals(Buffer.concat([Buffer.from('"a'), Buffer.from([0xc3]), Buffer.from('",1')])),
    ).toBe(true);
    expect(row?.line).toBe(2);
  });
});
