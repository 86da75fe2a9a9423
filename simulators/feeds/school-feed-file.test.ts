import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Population } from '../population/model.js';
import { checkSchoolRow } from './check-school-row.js';
import { splitCsvRows } from './csv-text.js';
import type { TruthEntry } from './feed-types.js';
import { feedTestPopulation, indexedIdentifiers, testNow } from './feed-test-population.js';
import { knownPupils } from './known-children.js';
import { writeSchoolFeedFile } from './school-feed-file.js';

let population: Population;
let directory: string;

beforeAll(() => {
  population = feedTestPopulation();
  directory = mkdtempSync(join(tmpdir(), 'school-feed-file-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('writeSchoolFeedFile', () => {
  it.each(['UNKNOWN_PUPILS', 'EARLIER_CENSUSES'] as const)(
    'streams rows with %s padding, bad ones spread evenly, and a truth that holds for each',
    async (padding) => {
      const path = join(directory, `${padding}.csv`);
      const truthPath = join(directory, `${padding}.json`);
      const rows = 2500;
      const report = await writeSchoolFeedFile(path, {
        population,
        seed: 5,
        rows,
        bad: 96,
        censusDate: '2026-10-01',
        now: testNow,
        padding,
        truthPath,
      });
      const content = readFileSync(path);
      const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as TruthEntry[];
      expect(report.bytes).toBe(content.length);
      expect(truth).toHaveLength(rows);
      const split = splitCsvRows(content).slice(1);
      expect(split.map((row) => row.line)).toEqual(truth.map((entry) => entry.position));
      const { upns } = indexedIdentifiers(population);
      split.forEach((row, i) => {
        const entry = truth[i] as TruthEntry;
        const found = checkSchoolRow(row.bytes, { now: testNow, isKnownUpn: (upn) => upns.has(upn) });
        expect({ position: entry.position, found }).toEqual({
          position: entry.position,
          found: entry.expected === 'ACCEPT' ? [] : [entry.expected],
        });
      });
      const known = knownPupils(population).length;
      const accepted = truth.filter((entry) => entry.expected === 'ACCEPT').length;
      expect(new Set(truth.map((entry) => entry.key)).size).toBe(rows);
      if (padding === 'UNKNOWN_PUPILS') {
        expect(accepted).toBeLessThanOrEqual(known);
        expect(rows - accepted).toBeGreaterThanOrEqual(96);
        return;
      }
      expect(accepted).toBe(rows - 96);
      // Evenly spread: the gap between bad rows never exceeds rows / bad, rounded up.
      const badAt = truth.flatMap((entry, i) => (entry.expected === 'ACCEPT' ? [] : [i]));
      const gaps = badAt.slice(1).map((at, i) => at - (badAt[i] as number));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(Math.ceil(rows / 96));
    },
  );
});
