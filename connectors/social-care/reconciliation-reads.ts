/**
 * Social care read for reconciliation (the `readChildren` and `readResidentialUnits` of the connector contract):
 * what `_socialCareChildren` and `residentialUnit(id) { residents }` answer, without GraphQL. Each call makes its
 * own loaders, so a batch of children is one statement per SSD table and nothing outlives the call.
 */
import { z } from 'zod';
import {
  failedSourceState,
  toAgencyChildRead,
  type AgencyChildRead,
  type ResidentialUnitsRead,
} from '../connector.js';
import { HubError } from '../../platform/errors.js';
import { compare } from './lists.js';
import { createSocialCareLoaders } from './loaders.js';
import type { ResidentRow } from './payload-schemas.js';
import { readSocialCareChildren } from './schema.js';
import { socialCareAgency, type SocialCareClient } from './social-care-client.js';

/** What `socialCareMerge.Child.key` returns. */
const mergeKeys = z.array(z.object({ personIds: z.array(z.string()) }));

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
      const parsed = mergeKeys.safeParse(keys);
      // A key this connector's merge config did not make is a bug in the caller; its values stay out of the error.
      if (!parsed.success)
        throw new HubError('INTERNAL', { details: { agency: socialCareAgency, reason: 'BAD_MERGE_KEY' } });
      const children = await readSocialCareChildren(
        createSocialCareLoaders(client),
        parsed.data.map((key) => key.personIds),
        now,
      );
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
