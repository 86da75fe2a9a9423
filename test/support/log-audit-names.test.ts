import { describe, expect, it } from 'vitest';
import { buildDemoPopulation } from '../../simulators/demo-population.js';
import { childNames, demoChildNames } from './log-audit-names.js';

const seed = 20261125;
const asOf = '2026-11-25T09:00:00.000Z';

describe('demo child names for the log audit', () => {
  it('do not depend on the as-of instant: the same people, in the same order, with the same names', () => {
    const names = (at: string) =>
      buildDemoPopulation({ seed, size: 300, asOf: at }).people.map((p) => `${p.givenName} ${p.familyName}`);
    const first = names(asOf);
    expect(first.length).toBeGreaterThan(300);
    expect(names('2027-06-30T17:30:00.000Z')).toEqual(first);
    expect(names(new Date().toISOString())).toEqual(first);
  });

  it("hold every child's real name and each agency's own spelling, learning-review children included", () => {
    const population = buildDemoPopulation({ seed, size: 200, asOf });
    const index = demoChildNames([asOf], [{ seed, size: 200 }]);
    const truth = new Map(population.people.map((p) => [p.truthKey, `${p.givenName} ${p.familyName}`]));
    const records = [
      ...population.socialCare,
      ...population.gp,
      ...population.education,
      ...population.adult,
    ];
    const respelt = records.filter(
      (record) => truth.get(record.truthKey) !== `${record.identity.givenName} ${record.identity.familyName}`,
    );
    expect(respelt.length).toBeGreaterThan(0);
    expect(population.people.some((person) => person.scenario !== undefined)).toBe(true);
    for (const [given, family] of childNames(population))
      expect(index.occursIn(`${given} ${family}`)).toBe(true);
    for (const record of respelt)
      expect(index.occursIn(`${record.identity.givenName} ${record.identity.familyName}`)).toBe(true);
  });
});
