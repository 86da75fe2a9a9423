/** A small demo population for the feed tests, and what the hub's identity index would hold for it. */
import { buildDemoPopulation } from '../demo-population.js';
import type { Population } from '../population/model.js';

export const testNow = '2026-12-03T12:00:00.000Z';

export function feedTestPopulation(size = 300): Population {
  return buildDemoPopulation({ seed: 20261125, size, asOf: testNow });
}

/** Identifiers in agency records: what the hub's index is built from (the truth is never served). */
export function indexedIdentifiers(population: Population): { nhsNumbers: Set<string>; upns: Set<string> } {
  const nhsNumbers = new Set<string>();
  const upns = new Set<string>();
  for (const records of [population.socialCare, population.gp, population.education, population.adult])
    for (const { identity } of records) {
      if (identity.nhsNumber !== null) nhsNumbers.add(identity.nhsNumber);
      if (identity.upn !== null) upns.add(identity.upn);
    }
  return { nhsNumbers, upns };
}
