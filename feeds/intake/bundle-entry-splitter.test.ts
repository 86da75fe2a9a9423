import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleEntrySplitter } from './bundle-entry-splitter.js';
import type { FeedRecord } from './feed-record.js';
import { isFeedRefusal, type FeedRefusalReason } from './feed-refusal.js';

function splitAll(body: Buffer, cuts: number[] = [], maxRecordBytes = 1_048_576): FeedRecord[] {
  const splitter = new BundleEntrySplitter({ maxRecordBytes });
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

function refusalOf(run: () => unknown): FeedRefusalReason | 'none' {
  try {
    run();
    return 'none';
  } catch (error) {
    if (isFeedRefusal(error)) return error.reason;
    throw error;
  }
}

const bundleType = fc.constantFrom('collection', 'batch', 'transaction');

describe('Bundle entry splitter', () => {
  it('gives one record per entry, in order, as the JSON text of the entry, however the body is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 12 }),
        bundleType,
        fc.boolean(),
        fc.array(fc.nat({ max: 3000 }), { maxLength: 10 }),
        (entries, type, pretty, cuts) => {
          const bundle = { resourceType: 'Bundle', type, meta: { tags: [1, [2]] }, entry: entries };
          const body = Buffer.from(JSON.stringify(bundle, null, pretty ? 2 : undefined));
          const records = splitAll(body, cuts);
          expect(records.map((r) => r.position)).toEqual(entries.map((_, i) => i));
          expect(records.map((r) => r.raw.toString())).toEqual(entries.map((e) => JSON.stringify(e)));
          expect(records.map((r) => r.rawSize)).toEqual(
            entries.map((e) => Buffer.byteLength(JSON.stringify(e))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps numbers as written and multi-byte characters split across chunks', () => {
    const body = Buffer.from(
      '\ufeff{"resourceType":"Bundle","type":"batch","entry":[{"value":1.50e+3,"n":-0.0,"name":"Zoë ✓"},[],"x",null]}',
    );
    const records = splitAll(body, [60, 61, 62, 63, 90, 91]);
    expect(records.map((r) => r.raw.toString())).toEqual([
      '{"value":1.50e+3,"n":-0.0,"name":"Zoë ✓"}',
      '[]',
      '"x"',
      'null',
    ]);
  });

  it('keeps the first bytes of an oversize entry and its full size', () => {
    const big = { resource: { resourceType: 'Observation', note: 'é'.repeat(500) } };
    const body = Buffer.from(
      JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [big, { a: 1 }] }),
    );
    const records = splitAll(body, [100, 700], 300);
    const text = Buffer.from(JSON.stringify(big));
    expect(records[0]?.raw.equals(text.subarray(0, 300))).toBe(true);
    expect(records[0]?.rawSize).toBe(text.length);
    expect(records[1]?.raw.toString()).toBe('{"a":1}');
  });

  it('refuses a body that is not an accepted Bundle', () => {
    const cases: Array<[string, FeedRefusalReason]> = [
      ['{"resourceType":"Bundle","type":"searchset","entry":[{}]}', 'BUNDLE_TYPE'],
      ['{"resourceType":"Bundle","entry":[{}],"type":"document"}', 'BUNDLE_TYPE'],
      ['{"resourceType":"Bundle","entry":[{}]}', 'BUNDLE_TYPE'],
      ['{"resourceType":"Bundle","type":{"x":1},"entry":[]}', 'BUNDLE_TYPE'],
      ['{"resourceType":"Patient","type":"batch"}', 'NOT_A_BUNDLE'],
      ['{"type":"batch","entry":[]}', 'NOT_A_BUNDLE'],
      ['{"resourceType":"Bundle","type":"batch","entry":{}}', 'NOT_A_BUNDLE'],
      ['[{"resourceType":"Bundle"}]', 'NOT_A_BUNDLE'],
      ['{"resourceType":"Bundle","type":"batch","entry":[{]}', 'NOT_JSON'],
      ['{"resourceType":"Bundle","type":"batch","entry":[]', 'NOT_JSON'],
      ['{"resourceType":"Bundle","type":"batch","entry":[]} {}', 'NOT_JSON'],
      ['', 'NOT_JSON'],
    ];
    for (const [body, reason] of cases)
      expect(
        refusalOf(() => splitAll(Buffer.from(body))),
        body,
      ).toBe(reason);
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"resourceType":"Bundle","type":"batch","entry":[{"a":"'),
      Buffer.from([0xff]),
      Buffer.from('"}]}'),
    ]);
    expect(refusalOf(() => splitAll(invalidUtf8))).toBe('NOT_JSON');
  });

  it('refuses a wrong type written before the entries before yielding any entry', () => {
    const splitter = new BundleEntrySplitter({ maxRecordBytes: 1000 });
    expect(
      refusalOf(() => splitter.push(Buffer.from('{"resourceType":"Bundle","type":"history","entry":[{}'))),
    ).toBe('BUNDLE_TYPE');
  });
});
