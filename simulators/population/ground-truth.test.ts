import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePopulation } from './generate.js';
import { groundTruthOf, writeGroundTruth } from './ground-truth.js';

describe('ground truth', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ground-truth-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const population = generatePopulation({ seed: 5, size: 3000 });

  it('lists every local id of every agency under the person it belongs to', () => {
    const truth = groundTruthOf(population);
    expect(truth.people).toHaveLength(population.people.length);
    const owner = new Map<string, string>();
    for (const person of truth.people) {
      for (const id of person.socialCare) owner.set(`sc:${id}`, person.truthKey);
      for (const id of person.gp) owner.set(`gp:${id}`, person.truthKey);
      for (const id of person.education) owner.set(`edu:${id}`, person.truthKey);
      for (const id of person.adult) owner.set(`adult:${id}`, person.truthKey);
    }
    for (const r of population.socialCare) expect(owner.get(`sc:${r.personId}`)).toBe(r.truthKey);
    for (const r of population.gp) expect(owner.get(`gp:${r.patientId}`)).toBe(r.truthKey);
    for (const r of population.education) expect(owner.get(`edu:${r.pupilId}`)).toBe(r.truthKey);
    for (const r of population.adult) expect(owner.get(`adult:${r.personId}`)).toBe(r.truthKey);
    const duplicate = truth.people.find((p) => p.differences.some((d) => d.kind === 'DUPLICATE_RECORD'));
    expect(duplicate).toBeDefined();
  });

  it('writes it as JSON, one person per line', () => {
    const path = join(directory, 'truth.json');
    writeGroundTruth(population, path);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual(groundTruthOf(population));
    expect(text.split('\n').length).toBeGreaterThan(population.people.length);
  });

  it('refuses a record whose truthKey names nobody', () => {
    const broken = { ...population, gp: [{ ...population.gp[0]!, truthKey: 'person-missing' }] };
    expect(() => groundTruthOf(broken)).toThrow(/unknown truthKey/);
  });
});
