import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, splitCsvRecords } from './csv-record-splitter.js';
import type { FeedRecord } from './feed-record.js';
import { isFeedRefusal } from './feed-refusal.js';

function splitAll(body: Buffer, cuts: number[], maxRecordBytes = 65_536): FeedRecord[] {
  const splitter = new CsvRecordSplitter({ maxRecordBytes });
  const out: FeedRecord[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => Math.min(c, body.length)))].sort((a, b) => a - b)) {
    out.push(...splitter.push(body.subarray(from, cut)));
    from = cut;
  }
  out.push(...splitter.push(body.subarray(from)));
  out.push(...splitter.finish());
  return out;
}

const simple = (records: FeedRecord[]) =>
  records.map((r) => ({ position: r.position, raw: r.raw.toString('latin1'), rawSize: r.rawSize }));

// Field content that CSV has to work for: separators, quotes, both line breaks, non-ASCII and invalid UTF-8.
const awkwardByte = fc.constantFrom(
  ...[0x2c, 0x22, 0x0d, 0x0a, 0x20, 0x41, 0x7a, 0x30, 0xff, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xef, 0xbb, 0xbf],
);
const field = fc.array(awkwardByte, { maxLength: 12 }).map((bytes) => Buffer.from(bytes));

function encodeField(bytes: Buffer): Buffer {
  const needsQuotes = bytes.some((b) => b === 0x2c || b === 0x22 || b === 0x0d || b === 0x0a);
  if (!needsQuotes) return bytes;
  const escaped = Buffer.from(bytes.toString('latin1').replaceAll('"', '""'), 'latin1');
  return Buffer.concat([Buffer.from('"'), escaped, Buffer.from('"')]);
}

const row = fc.array(field, { minLength: 1, maxLength: 6 }).map((fields) => {
  const encoded = Buffer.concat(
    fields.flatMap((f, i) => (i === 0 ? [encodeField(f)] : [Buffer.from(','), encodeField(f)])),
  );
  // An empty row is skipped by design, so a generated row always has a byte.
  return encoded.length === 0 ? Buffer.from('""') : encoded;
});

const feed = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 25 }),
  crlf: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
  bom: fc.boolean(),
  finalBreak: fc.boolean(),
  cuts: fc.array(fc.nat({ max: 2000 }), { maxLength: 12 }),
});

function build({
  rows,
  crlf,
  bom,
  finalBreak,
}: {
  rows: Buffer[];
  crlf: boolean[];
  bom: boolean;
  finalBreak: boolean;
}) {
  const parts: Buffer[] = bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
  const expected: Array<{ position: number; raw: Buffer }> = [];
  let line = 1;
  rows.forEach((bytes, i) => {
    expected.push({ position: line, raw: bytes });
    parts.push(bytes);
    line += bytes.filter((b) => b === 0x0a).length;
    if (i < rows.length - 1 || finalBreak) parts.push(Buffer.from(crlf[i] ? '\r\n' : '\n'));
    line += 1;
  });
  return { body: Buffer.concat(parts), expected };
}

describe('CSV record splitter', () => {
  it('gives back every row byte for byte, at the line it starts on, however the body is chunked', () => {
    fc.assert(
      fc.property(feed, (input) => {
        const { body, expected } = build(input);
        const records = splitAll(body, input.cuts);
        expect(simple(records)).toEqual(
          expected.map((e) => ({
            position: e.position,
            raw: e.raw.toString('latin1'),
            rawSize: e.raw.length,
          })),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the first bytes of an oversize row and its full size', () => {
    fc.assert(
      fc.property(feed, fc.integer({ min: 1, max: 20 }), (input, limit) => {
        const { body, expected } = build(input);
        const records = splitAll(body, input.cuts, limit);
        expect(simple(records)).toEqual(
          expected.map((e) => ({
            position: e.position,
            raw: e.raw.subarray(0, limit).toString('latin1'),
            rawSize: e.raw.length,
          })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('numbers rows by their first line, skipping empty lines, with CRLF, quoted breaks and a BOM', () => {
    const body = Buffer.from('\ufeffupn,note\r\nA1,"two\r\nlines"\r\n\r\nB2,"say ""hi"", ok"\nC3,x"y\n');
    expect(simple(splitAll(body, [1, 2, 17]))).toEqual([
      { position: 1, raw: 'upn,note', rawSize: 8 },
      { position: 2, raw: 'A1,"two\r\nlines"', rawSize: 15 },
      { position: 5, raw: 'B2,"say ""hi"", ok"', rawSize: 19 },
      { position: 6, raw: 'C3,x"y', rawSize: 6 },
    ]);
  });

  it('keeps invalid UTF-8 as the bytes sent', () => {
    const bad = Buffer.from([0x41, 0xff, 0xfe, 0x42]);
    const body = Buffer.concat([Buffer.from('h\n'), bad, Buffer.from('\n')]);
    const records = splitAll(body, []);
    expect(records[1]?.raw.equals(bad)).toBe(true);
  });

  it('refuses a body with no header row', async () => {
    for (const body of ['', '\r\n', '\nupn\n', '\ufeff']) {
      const chunks = (async function* () {
        yield Buffer.from(body);
      })();
      const run = async () => {
        for await (const _record of splitCsvRecords(chunks, { maxRecordBytes: 100 })) void _record;
      };
      await expect(run()).rejects.toSatisfy(
        (error: unknown) => isFeedRefusal(error) && error.reason === 'EMPTY_FEED',
      );
    }
  });
});
