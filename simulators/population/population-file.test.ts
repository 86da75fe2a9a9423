import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePopulation } from './generate.js';
import { readJsonDocument, writeJsonDocument } from './json-lines-document.js';
import { readPopulationFile, writePopulationFile } from './population-file.js';

describe('population files', () => {
  const directory = mkdtempSync(join(tmpdir(), 'population-file-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('round-trips a population through a file that is also plain JSON', async () => {
    const population = generatePopulation({ seed: 3, size: 600 });
    const path = join(directory, 'population.json');
    writePopulationFile(population, path);
    expect(await readPopulationFile(path)).toEqual(population);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(population);
  });

  it('handles empty arrays, empty headers and awkward strings', async () => {
    const path = join(directory, 'document.json');
    const arrays = { empty: [], awkward: [{ text: 'line\nbreak "quoted" ],' }, 'O\u2019Brien', 42] };
    writeJsonDocument(path, {}, arrays);
    expect(await readJsonDocument(path)).toEqual(arrays);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(arrays);
  });

  it('says which line is wrong in a damaged file, and refuses a file that is not a population', async () => {
    const damaged = join(directory, 'damaged.json');
    writeFileSync(damaged, '{"seed":1,"asOf":"x",\n"people":[\n{"truthKey": nope}\n]}\n');
    await expect(readJsonDocument(damaged)).rejects.toThrow(/damaged\.json:3/);
    const other = join(directory, 'other.json');
    writeJsonDocument(other, { seed: 1, asOf: '2026-11-25T09:00:00.000Z' }, { people: [] });
    await expect(readPopulationFile(other)).rejects.toThrow(/"professionals" is missing/);
  });
});
