import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../scenarios/schema.js';
import { RuleProbes, type RuleId } from '../scenarios/rule-probes.js';
import { generatePopulation } from './generate.js';
import type { Population } from './model.js';

describe('gaps in a generated population of 5,000', () => {
  let population: Population;
  const fired = new Map<string, RuleId[]>();

  beforeAll(() => {
    population = generatePopulation({ seed: 99, size: 5000 });
    const probes = new RuleProbes(population);
    for (const person of population.people) fired.set(person.truthKey, probes.findings(person.truthKey));
  });

  it('shows every gap the hub checks somewhere', () => {
    const seen = new Set([...fired.values()].flat());
    expect(RULE_IDS.filter((rule) => !seen.has(rule))).toEqual([]);
  });

  it('keeps most records in order', () => {
    const clean = [...fired.values()].filter((rules) => rules.length === 0).length;
    expect(clean / population.people.length).toBeGreaterThan(0.85);
    const lookedAfter = population.socialCare.filter((r) => r.claEpisodes.some((e) => e.ceasedDate === null));
    const cleanInCare = lookedAfter.filter((r) => fired.get(r.truthKey)?.length === 0).length;
    expect(cleanInCare / lookedAfter.length).toBeGreaterThan(0.2);
  });

  it('shows each gap for a minority only', () => {
    const counts = new Map<string, number>();
    for (const rules of fired.values())
      for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    const knownToSocialCare = new Set(population.socialCare.map((r) => r.truthKey)).size;
    for (const [rule, count] of counts)
      expect([rule, count < knownToSocialCare * 0.25]).toEqual([rule, true]);
  });
});
