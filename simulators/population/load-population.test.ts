import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPopulation, populationSourceFromEnv } from './load-population.js';

const learningReview = fileURLToPath(new URL('../scenarios/learning-review.json', import.meta.url));

describe('population sources', () => {
  it('reads the environment with defaults', () => {
    expect(populationSourceFromEnv({})).toEqual({
      seed: 1,
      size: 2000,
      asOf: '2026-11-25T09:00:00.000Z',
      scenarios: [],
      mode: 'add',
    });
    expect(
      populationSourceFromEnv({
        POPULATION_SEED: '7',
        POPULATION_SIZE: '300',
        POPULATION_SCENARIOS: ' a.json, b.json ',
        POPULATION_SCENARIO_MODE: 'replace',
      }),
    ).toMatchObject({ seed: 7, size: 300, scenarios: ['a.json', 'b.json'], mode: 'replace' });
  });

  it('rejects a bad environment with the variable named', () => {
    expect(() => populationSourceFromEnv({ POPULATION_SIZE: 'lots' })).toThrow(/size/);
    expect(() => populationSourceFromEnv({ POPULATION_SCENARIO_MODE: 'merge' })).toThrow(/mode/);
  });

  it('generates, then adds scenario children or serves them alone', async () => {
    const added = await loadPopulation({ seed: 4, size: 200, scenarios: [learningReview], mode: 'add' });
    expect(added.people).toHaveLength(207);
    const alone = await loadPopulation({ seed: 4, size: 200, scenarios: [learningReview], mode: 'replace' });
    expect(alone.people.map((p) => p.scenario)).toEqual([
      'learning-review/child-a',
      'learning-review/child-b',
      'learning-review/child-c',
      'learning-review/child-d',
      'learning-review/child-e',
      'learning-review/child-f',
      'learning-review/child-g',
    ]);
  });
});
