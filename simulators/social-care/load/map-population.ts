import type { Population } from '../../population/model.js';
import { mapCin } from './cin-rows.js';
import { mapLookedAfter } from './cla-rows.js';
import { mapChildProtection } from './cp-rows.js';
import { mapPlacementPractice, mapResidentialUnits } from './extension-rows.js';
import type { MappingContext } from './mapping-context.js';
import { mapMissingAndLeavingCare } from './missing-and-leaving-rows.js';
import { mapPerson } from './person-rows.js';
import { RowSink } from './row-sink.js';
import { mapWorkforce } from './workforce-rows.js';

/** Everything social care records about the population, as rows of the SSD tables and the local extension. */
export function mapPopulationToRows(population: Population): RowSink {
  const sink = new RowSink();
  const context: MappingContext = {
    asOf: population.asOf,
    professionals: new Map(population.professionals.map((p) => [p.id, p])),
  };
  for (const record of population.socialCare) {
    mapPerson(record, context, sink);
    mapCin(record, context, sink);
    mapChildProtection(record, context, sink);
    mapLookedAfter(record, context, sink);
    mapMissingAndLeavingCare(record, context, sink);
    mapPlacementPractice(record, sink);
  }
  mapWorkforce(population, sink);
  mapResidentialUnits(population, sink);
  return sink;
}
