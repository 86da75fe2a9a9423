import { describe, expect, it } from 'vitest';
import { EducationStore } from './education-store.js';
import { educationFixturePopulation, fixtureUpns } from './fixture-population.js';

describe('EducationStore', () => {
  it('writes to its own copy of a record, leaving the population unchanged', () => {
    const population = educationFixturePopulation();
    const store = new EducationStore(population.education);
    const exclusion = {
      id: 'X',
      date: '2025-01-01',
      kind: 'SUSPENSION' as const,
      sessions: 1,
      reason: 'PA',
      schoolUrn: '100001',
    };
    store.addExclusion('EDU-0002', exclusion);
    store.addExclusion('EDU-0002', { ...exclusion, id: 'Y' });
    expect(store.get('EDU-0002')?.exclusions.map((e) => e.id)).toEqual(['X', 'Y']);
    expect(store.findByUpns([fixtureUpns.ben])[0]?.exclusions).toHaveLength(2);
    expect(population.education[1]?.exclusions).toEqual([]);
  });

  it('moves SEN provision to E when a plan is issued', () => {
    const store = new EducationStore(educationFixturePopulation().education);
    const current = store.get('EDU-0002')?.ehc;
    if (!current) throw new Error('fixture pupil has an EHC timeline');
    store.setEhcTimeline('EDU-0002', { ...current, status: 'ISSUED', finalPlanDate: '2025-05-01' });
    expect(store.get('EDU-0002')?.senProvision).toBe('E');
  });
});
