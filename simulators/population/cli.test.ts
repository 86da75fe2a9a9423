import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const scenario = fileURLToPath(new URL('../scenarios/learning-review.json', import.meta.url));
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8' });

describe('population CLI', () => {
  const directory = mkdtempSync(join(tmpdir(), 'population-cli-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes the population and its ground truth, with scenarios added', () => {
    const out = join(directory, 'population.json');
    const truth = join(directory, 'truth.json');
    const result = run([
      '--seed',
      '3',
      '--size',
      '150',
      '--out',
      out,
      '--ground-truth',
      truth,
      '--scenarios',
      scenario,
      '--mode',
      'add',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('people 157 (from scenarios 7)');
    const population = JSON.parse(readFileSync(out, 'utf8')) as { seed: number; people: unknown[] };
    expect(population.seed).toBe(3);
    expect(population.people).toHaveLength(157);
    const groundTruth = JSON.parse(readFileSync(truth, 'utf8')) as {
      people: Array<{ expectedFindings: string[] | null }>;
    };
    expect(groundTruth.people.filter((p) => p.expectedFindings !== null)).toHaveLength(7);
  }, 60_000);

  it('explains bad arguments and exits non-zero', () => {
    const result = run(['--size', 'many', '--out', join(directory, 'x.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/size/);
    expect(result.stderr).toMatch(/usage:/);
  }, 60_000);
});
