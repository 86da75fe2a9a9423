import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFeedCli, lastAutumnCensus, type CliIo } from './feed-cli.js';
import type { TruthEntry } from './feed-types.js';
import { testNow } from './feed-test-population.js';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'feed-cli-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    env: { DEMO_POPULATION_SIZE: '150' },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => new Date(testNow),
  };
  return { value, out, err };
}

describe('the feed command line', () => {
  it('writes a school feed and its truth, and prints counts only', async () => {
    const run = io();
    const out = join(directory, 'school.csv');
    const truth = join(directory, 'school.json');
    const code = await runFeedCli(
      ['school', '--good', '12', '--bad', '8', '--seed', '3', '--out', out, '--truth', truth],
      run.value,
    );
    expect(code).toBe(0);
    const entries = JSON.parse(readFileSync(truth, 'utf8')) as TruthEntry[];
    expect(entries).toHaveLength(20);
    expect(readFileSync(out).toString('latin1').split('\r\n')[1]).toMatch(/,2026-10-01,/);
    expect(run.out.join('\n')).toMatch(/^school feed written to .*: ACCEPT 12, /);
    expect(run.out.join('\n')).not.toMatch(/\d{10}|[A-Z]\d{12}/);
  });

  it('writes a GP bundle of the type asked for', async () => {
    const run = io();
    const out = join(directory, 'gp.json');
    const code = await runFeedCli(
      ['gp', '--good', '10', '--bad', '8', '--bundle-type', 'transaction', '--out', out],
      run.value,
    );
    expect(code).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { type: string; entry: unknown[] };
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry).toHaveLength(18);
  });

  it('streams a large school file with --rows', async () => {
    const run = io();
    const out = join(directory, 'large.csv');
    expect(await runFeedCli(['school', '--rows', '400', '--bad', '4', '--out', out], run.value)).toBe(0);
    expect(readFileSync(out).toString('latin1').split('\r\n')).toHaveLength(402);
  });

  it('answers 2 with a reason for arguments it cannot use', async () => {
    for (const argv of [
      ['gp', '--good', 'x', '--out', join(directory, 'x')],
      ['school', '--bad-kinds', 'UNRESOLVED_REFERENCE', '--out', join(directory, 'x')],
      ['school', '--census-date', '2027-01-01', '--out', join(directory, 'x')],
      ['gp', '--bundle-type', 'searchset', '--out', join(directory, 'x')],
      ['pharmacy', '--out', join(directory, 'x')],
    ]) {
      const run = io();
      expect(await runFeedCli(argv, run.value)).toBe(2);
      expect(run.err.join('\n')).not.toBe('');
    }
  });

  it('defaults the census to the last 1 October', () => {
    expect(lastAutumnCensus(new Date('2026-12-03T12:00:00Z'))).toBe('2026-10-01');
    expect(lastAutumnCensus(new Date('2026-09-30T12:00:00Z'))).toBe('2025-10-01');
  });
});
