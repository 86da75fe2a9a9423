import type { Population } from '../../population/model.js';
import { allTables } from '../ssd-schema/all-tables.js';
import type { SqlClient } from '../sql-client.js';
import { sqlIdentifier } from '../sql-client.js';
import { assertUniqueKeys, insertBatches, runBatches } from './insert-rows.js';
import { mapPopulationToRows } from './map-population.js';

export interface LoadSummary {
  /** Rows inserted per table. */
  rows: Record<string, number>;
  totalRows: number;
}

/**
 * Writes `population.socialCare` (with the professionals, teams and residential units it names) into the SSD
 * tables of an existing schema made by createSsdSchema, in batched inserts, then refreshes planner statistics so
 * batched `= ANY($1)` lookups use the indexes straight away. `client` must be one connection (not a pool).
 * Nothing is written when the population's ids repeat within a table.
 */
export async function loadPopulation(
  client: SqlClient,
  schemaName: string,
  population: Population,
): Promise<LoadSummary> {
  const schema = sqlIdentifier(schemaName);
  const sink = mapPopulationToRows(population);
  const rows: Record<string, number> = {};
  for (const def of allTables) {
    const tableRows = sink.rows(def.name);
    assertUniqueKeys(def, tableRows);
    rows[def.name] = tableRows.length;
  }
  await runBatches(
    client,
    insertBatches(
      schema,
      allTables.map((def) => ({ def, rows: sink.rows(def.name) })),
    ),
  );
  // A small statistics sample is enough for the planner to prefer the person-id indexes, at a fraction of the cost.
  await client.query(
    `SET default_statistics_target = 10; ` +
      `ANALYZE ${allTables.map((def) => `${schema}.${def.name}`).join(', ')}; ` +
      `RESET default_statistics_target`,
  );
  return { rows, totalRows: sink.count() };
}
