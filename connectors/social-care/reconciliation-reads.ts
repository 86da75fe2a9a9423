/**
 * Social care read for reconciliation (the `readChildren` and `readResidentialUnits` of the connector contract):
 * what `_socialCareChildren` and `residentialUnit(id) { residents }` answer, without GraphQL. Each call makes its
 * own loaders, so a batch of children is one statement per SSD table and nothing outlives the call.
 */
import {
  failedSourceState,
  idListsOfMergeKeys,
  toAgencyChildRead,
  type AgencyChildRead,
  type ResidentialUnitsRead,
} from '../connector.js';
import { compare } from './lists.js';
import { createSocialCareLoaders } from './loaders.js';
import type { ResidentRow } from './payload-schemas.js';
import { readSocialCareChildren } from './schema.js';
import { socialCareAgency, type SocialCareClient } from './social-care-client.js';

export interface SocialCareReconciliationReads {
  readChildren(keys: readonly unknown[]): Promise<AgencyChildRead[]>;
  readResidentialUnits(unitIds: readonly string[]): Promise<ResidentialUnitsRead>;
}

export function createSocialCareReconciliationReads(options: {
  client: SocialCareClient;
  now: () => Date;
  onMappingError: (error: unknown) => void;
}): SocialCareReconciliationReads {
  const { client, now, onMappingError } = options;
  return {
    async readChildren(keys) {
      const idLists = idListsOfMergeKeys(keys, 'personIds', socialCareAgency);
      const children = await readSocialCareChildren(createSocialCareLoaders(client), idLists, now);
      return children.map((child) => toAgencyChildRead(child, onMappingError));
    },

    async readResidentialUnits(unitIds) {
      const loaders = createSocialCareLoaders(client);
      const [units, residents] = await Promise.all([
        loaders.units.loadMany(unitIds),
        loaders.residents.loadMany(unitIds),
      ]);
      const asOf = now().toISOString();
      const failure = [...units, ...residents].find((result) => result instanceof Error);
      if (failure !== undefined) return { ...failedSourceState(failure), asOf };
      return {
        state: 'OK',
        asOf,
        units: unitIds.map((unitId, index) => {
          const unit = units[index];
          const rows = residents[index];
          return {
            unitId,
            name: unit && !(unit instanceof Error) ? unit.resu_name : null,
            stays: Array.isArray(rows) ? toStays(rows) : [],
          };
        }),
      };
    },
  };
}

function toStays(rows: readonly ResidentRow[]) {
  return [...rows]
    .sort(
      (a, b) =>
        compare(a.resr_start_date, b.resr_start_date) || compare(a.resr_placement_id, b.resr_placement_id),
    )
    .map((row) => ({
      personId: row.resr_person_id,
      placementId: row.resr_placement_id,
      start: row.resr_start_date,
      end: row.resr_end_date,
    }));
}
