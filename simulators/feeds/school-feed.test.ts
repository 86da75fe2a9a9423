import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Population } from '../population/model.js';
import { checkSchoolRow } from './check-school-row.js';
import { lineBreaksIn, parseCsvRow, splitCsvRows } from './csv-text.js';
import { schoolBadKinds, type TruthEntry } from './feed-types.js';
import { feedTestPopulation, indexedIdentifiers, testNow } from './feed-test-population.js';
import { knownPupils } from './known-children.js';
import { schoolColumns } from './school-return.js';
import { generateSchoolFeed } from './school-feed.js';
import { shuffleFeed, shuffleGeneratedFeed } from './shuffle-feed.js';

let population: Population;
let indexed: ReturnType<typeof indexedIdentifiers>;
const censusDate = '2026-10-01';

beforeAll(() => {
  population = feedTestPopulation();
  indexed = indexedIdentifiers(population);
});

const feed = (seed: number, good: number, bad: number, revision = 0) =>
  generateSchoolFeed({ population, seed, good, bad, censusDate, now: testNow, revision });

function rowsOf(content: Buffer) {
  return splitCsvRows(content).slice(1);
}

function fieldsAt(content: Buffer) {
  return new Map(rowsOf(content).map((row) => [row.line, parseCsvRow(row.bytes.toString('latin1'))]));
}

function expectEachRowAsStated(content: Buffer, truth: TruthEntry[]) {
  const rows = rowsOf(content);
  expect(rows.map((row) => row.line)).toEqual(truth.map((entry) => entry.position));
  rows.forEach((row, i) => {
    const entry = truth[i] as TruthEntry;
    const found = checkSchoolRow(row.bytes, { now: testNow, isKnownUpn: (upn) => indexed.upns.has(upn) });
    expect({ position: entry.position, found }).toEqual({
      position: entry.position,
      found: entry.expected === 'ACCEPT' ? [] : [entry.expected],
    });
  });
}

describe('generateSchoolFeed', () => {
  it('is the same for the same seed and different for another', () => {
    const a = feed(7, 40, 16);
    expect(feed(7, 40, 16).content.equals(a.content)).toBe(true);
    expect(feed(7, 40, 16).truth).toEqual(a.truth);
    expect(feed(8, 40, 16).content.equals(a.content)).toBe(false);
  });

  it('writes the header in the contract order and CRLF line endings', () => {
    const { content } = feed(1, 5, 0);
    expect(content.toString('utf8').split('\r\n')[0]).toBe(schoolColumns.join(','));
    expect(content.toString('utf8').replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('makes every row good or bad exactly as its truth says', () => {
    const { content, truth } = feed(3, 120, 80);
    expect(truth).toHaveLength(200);
    expectEachRowAsStated(content, truth);
  });

  it('spreads the bad kinds evenly', () => {
    const { truth } = feed(4, 10, 43);
    const counts = new Map<string, number>();
    for (const entry of truth)
      if (entry.expected !== 'ACCEPT') counts.set(entry.expected, (counts.get(entry.expected) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...schoolBadKinds].sort());
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('names pupils the hub knows in good rows, each once, matching the ground truth', () => {
    const { content, truth } = feed(5, 150, 0);
    const byUpn = new Map(knownPupils(population).map((pupil) => [pupil.upn, pupil.truthKey]));
    const fields = fieldsAt(content);
    const keys = new Set<string>();
    for (const entry of truth) {
      const row = fields.get(entry.position) as string[];
      expect(byUpn.get(row[0] as string)).toBe(entry.truthKey);
      expect(entry.key).toBe(`${row[0]}|${row[1]}|${row[2]}`);
      keys.add(entry.key);
    }
    expect(keys.size).toBe(150);
  });

  it('names pupils again in earlier censuses when more rows are wanted than pupils known', () => {
    const pupils = knownPupils(population).length;
    const { content, truth } = feed(6, pupils + 20, 0);
    expect(new Set(truth.map((entry) => entry.key)).size).toBe(pupils + 20);
    expectEachRowAsStated(content, truth);
  });

  it('gives the positions csv-parse finds, rows spanning lines counted from their first line', () => {
    const { content, truth } = feed(9, 60, 60);
    const records = parse(content, { info: true, relax_column_count: true }) as unknown as Array<{
      record: string[];
      info: { bytes: number };
    }>;
    // csv-parse's own line count takes a CRLF inside quotes as two lines, so lines are counted from its offsets.
    let start = 0;
    const positions = records.map(({ info }) => {
      const line = lineBreaksIn(content.subarray(0, start)) + 1;
      start = info.bytes;
      return line;
    });
    expect(positions.slice(1)).toEqual(truth.map((entry) => entry.position));
    expect(records.every(({ record }) => record.length === schoolColumns.length)).toBe(true);
    expect(
      truth.some((entry, i) => (truth[i + 1]?.position ?? entry.position + 1) - entry.position > 1),
    ).toBe(true);
  });

  it('holds for any seed and mix (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (seed, good, bad) => {
          const { content, truth } = feed(seed, good, bad);
          expect(truth.filter((entry) => entry.expected === 'ACCEPT')).toHaveLength(good);
          expectEachRowAsStated(content, truth);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses kinds a census row cannot have, and a census date after now', () => {
    expect(() =>
      generateSchoolFeed({
        population,
        seed: 1,
        good: 1,
        bad: 1,
        badKinds: ['UNRESOLVED_REFERENCE'],
        censusDate,
        now: testNow,
      }),
    ).toThrow(RangeError);
    expect(() =>
      generateSchoolFeed({ population, seed: 1, good: 1, bad: 0, censusDate: '2026-12-04', now: testNow }),
    ).toThrow();
  });
});

describe('newer and older versions', () => {
  it('move as_of and change attendance in every good row, keeping keys, positions and bad rows', () => {
    const current = feed(11, 50, 10);
    const currentRows = fieldsAt(current.content);
    const asOf = schoolColumns.indexOf('as_of');
    const attended = schoolColumns.indexOf('sessions_attended');
    for (const revision of [1, -1]) {
      const revised = feed(11, 50, 10, revision);
      expect(revised.truth).toEqual(current.truth);
      expectEachRowAsStated(revised.content, revised.truth);
      const revisedRows = fieldsAt(revised.content);
      for (const entry of current.truth) {
        const before = currentRows.get(entry.position) as string[];
        const after = revisedRows.get(entry.position) as string[];
        if (entry.expected !== 'ACCEPT') {
          expect(after).toEqual(before);
          continue;
        }
        expect(Math.sign(Date.parse(after[asOf] as string) - Date.parse(before[asOf] as string))).toBe(
          revision,
        );
        expect(after[attended]).not.toBe(before[attended]);
      }
    }
  });
});

describe('shuffleFeed', () => {
  it('re-orders the rows under the same header, and the truth follows them', () => {
    const original = feed(12, 40, 20);
    const shuffled = shuffleGeneratedFeed(original, 99);
    const content = shuffled.content as Buffer;
    expect(content.equals(original.content)).toBe(false);
    expect(shuffleFeed(original.content, 99).equals(content)).toBe(true);
    expect(content.subarray(0, 200).toString().split('\r\n')[0]).toBe(schoolColumns.join(','));
    expectEachRowAsStated(content, shuffled.truth);
    const before = fieldsAt(original.content);
    const after = fieldsAt(content);
    const keyAt = new Map(original.truth.map((entry) => [entry.key, before.get(entry.position)]));
    for (const entry of shuffled.truth) expect(after.get(entry.position)).toEqual(keyAt.get(entry.key));
    expect(
      rowsOf(content)
        .map((row) => row.bytes.toString('latin1'))
        .sort(),
    ).toEqual(
      rowsOf(original.content)
        .map((row) => row.bytes.toString('latin1'))
        .sort(),
    );
  });
});
