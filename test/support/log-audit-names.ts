/**
 * The demo children's full names, for the log audit: every population the end-to-end tests generate, with each
 * agency's own spelling of each child (misspellings, nicknames, other surname forms) as well as the real name.
 */
import { buildDemoPopulation } from '../../simulators/demo-population.js';
import type { Population } from '../../simulators/population/model.js';
import { NameIndex } from './log-audit-detectors.js';

/**
 * Seed 20261125 (the hub's DEMO_SEED default and the harness's seed) at every size a test uses:
 * test/connector-modes.test.ts 200; test/access-control.test.ts and test/demo-start.test.ts (DEMO_POPULATION_SIZE)
 * 300; test/child-view.test.ts and the harness default 400; test/lifecycle.test.ts's embedded start, the hub's
 * default DEMO_POPULATION_SIZE, 2000.
 */
export const auditedPopulations: ReadonlyArray<{ seed: number; size: number }> = [200, 300, 400, 2000].map(
  (size) => ({ seed: 20261125, size }),
);

/** Every "given family" pair a population holds: the real people and every agency record's recorded identity. */
export function childNames(population: Population): Array<[given: string, family: string]> {
  const records = [...population.socialCare, ...population.gp, ...population.education, ...population.adult];
  return [
    ...population.people.map((person): [string, string] => [person.givenName, person.familyName]),
    ...records.map((record): [string, string] => [record.identity.givenName, record.identity.familyName]),
  ];
}

/**
 * People and their names do not depend on the as-of instant (log-audit-names.test.ts checks it); which agency
 * records exist does, a little, so the audit builds the populations as of each instant the run's tests could
 * have used (the start of the run and now).
 */
export function demoChildNames(
  asOfs: readonly string[],
  populations: ReadonlyArray<{ seed: number; size: number }> = auditedPopulations,
): NameIndex {
  const index = new NameIndex();
  for (const asOf of new Set(asOfs)) {
    for (const { seed, size } of populations) {
      for (const [given, family] of childNames(buildDemoPopulation({ seed, size, asOf })))
        index.add(given, family);
    }
  }
  return index;
}
