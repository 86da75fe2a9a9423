import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePopulation } from '../population/generate.js';
import { isValidNhsNumber, isValidUpn } from '../population/identifiers.js';
import type { Population } from '../population/model.js';
import { applyScenarios } from './apply.js';
import { loadScenarioFile } from './load.js';
import type { ScenarioFile } from './schema.js';

const learningReview = loadScenarioFile(fileURLToPath(new URL('./learning-review.json', import.meta.url)));

describe('applyScenarios', () => {
  let base: Population;
  beforeAll(() => {
    base = generatePopulation({ seed: 21, size: 400 });
  });

  it('adds the scenario children beside the generated ones, reusing the council and ICB', () => {
    const result = applyScenarios(base, [learningReview], { mode: 'add' });
    expect(result.people).toHaveLength(base.people.length + 7);
    expect(result.gp).toHaveLength(base.gp.length + 7);
    expect(result.socialCare).toHaveLength(base.socialCare.length + 6);
    expect(result.organisations.filter((o) => o.kind === 'LOCAL_AUTHORITY')).toHaveLength(1);
    expect(result.organisations.filter((o) => o.kind === 'ICB')).toHaveLength(1);
    const councilId = result.organisations.find((o) => o.kind === 'LOCAL_AUTHORITY')?.id;
    expect(result.professionals.find((p) => p.id === 'learning-review-sw-a')?.organisationId).toBe(councilId);
    // The input is left alone.
    expect(base.people).toHaveLength(400);
  });

  it('replaces the generated children entirely', () => {
    const result = applyScenarios(base, [learningReview], { mode: 'replace' });
    expect(result.people.map((p) => p.truthKey)).toEqual(
      learningReview.children.map((c) => `learning-review/${c.key}`),
    );
    expect(result.seed).toBe(base.seed);
    expect(result.asOf).toBe(base.asOf);
    expect(result.residentialUnits.map((u) => u.name)).toEqual(['Oak House', 'Birch View']);
  });

  it('gives scenario children valid identifiers that cannot collide with generated ones', () => {
    const result = applyScenarios(base, [learningReview], { mode: 'add' });
    const scenarioPeople = result.people.filter((p) => p.scenario);
    expect(
      scenarioPeople.every(
        (p) => p.nhsNumber !== null && p.nhsNumber.startsWith('9999') && isValidNhsNumber(p.nhsNumber),
      ),
    ).toBe(true);
    expect(scenarioPeople.every((p) => p.upn !== null && isValidUpn(p.upn))).toBe(true);
    const all = result.people.flatMap((p) => (p.nhsNumber ? [p.nhsNumber] : []));
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses to add the same scenario twice', () => {
    expect(() => applyScenarios(base, [learningReview, learningReview], { mode: 'add' })).toThrow(
      /already in the population/,
    );
    const twice = applyScenarios(base, [learningReview], { mode: 'add' });
    expect(() => applyScenarios(twice, [learningReview], { mode: 'add' })).toThrow(/learning-review/);
  });

  it('refuses a scenario whose fixed identifiers are invalid', () => {
    const broken: ScenarioFile = structuredClone(learningReview);
    (broken.children[0] as ScenarioFile['children'][number]).person.nhsNumber = '9434765918';
    expect(() => applyScenarios(base, [broken], { mode: 'replace' })).toThrow(/modulus 11/);
  });

  it('rejects an unknown mode', () => {
    expect(() => applyScenarios(base, [learningReview], { mode: 'merge' as 'add' })).toThrow();
  });

  it('notes the deliberate identity conflicts on the person, as the generator does', () => {
    const result = applyScenarios(base, [learningReview], { mode: 'replace' });
    const childC = result.people.find((p) => p.truthKey === 'learning-review/child-c');
    expect(childC?.recordedDifferences).toEqual([
      { agency: 'education', localId: 'learning-review-child-c', kind: 'UPN_INVALID' },
    ]);
    const pupil = result.education.find((e) => e.truthKey === 'learning-review/child-c');
    expect(pupil?.identity.upn).not.toBe(childC?.upn);
    expect(pupil?.identity.upn?.slice(1)).toBe(childC?.upn?.slice(1));
  });
});
