/**
 * Per-request loading: every SSD person id asked for while one GraphQL request runs is read in one batch (one
 * statement per table, up to `maxBatchSize` ids), and each record at most once per request. Residential units and
 * their residents load the same way. Loaders live on the request's context object, so nothing is shared between
 * callers or kept after the request.
 */
import DataLoader from 'dataloader';
import type { ChildRecord } from './child-record.js';
import { groupBy } from './lists.js';
import type { ResidentRow, ResidentialUnitRow } from './payload-schemas.js';
import { readChildRecords } from './read-child-records.js';
import type { SocialCareClient } from './social-care-client.js';
import { ssd } from './ssd-tables.js';

/** Ids per batch: a page of 100 children with the odd duplicate record fits many times over. */
export const maxBatchSize = 1000;

export interface SocialCareLoaders {
  /** A person's whole SSD record, or null when the SSD does not hold the id. */
  records: DataLoader<string, ChildRecord | null>;
  units: DataLoader<string, ResidentialUnitRow | null>;
  /** Everyone ever placed in a unit (the extension's residents view). */
  residents: DataLoader<string, ResidentRow[]>;
}

export function createSocialCareLoaders(client: SocialCareClient): SocialCareLoaders {
  return {
    records: new DataLoader(
      async (personIds) => {
        const records = await readChildRecords(client, personIds);
        return personIds.map((id) => records.get(id) ?? null);
      },
      { maxBatchSize },
    ),
    units: new DataLoader(
      async (unitIds) => {
        const rows = await client.rowsWhereAny(ssd.residentialUnits, 'resu_unit_id', unitIds);
        const byId = new Map(rows.map((row) => [row.resu_unit_id, row]));
        return unitIds.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize },
    ),
    residents: new DataLoader(
      async (unitIds) => {
        const rows = await client.rowsWhereAny(ssd.residents, 'resr_unit_id', unitIds);
        const byUnit = groupBy(rows, (row) => row.resr_unit_id);
        return unitIds.map((id) => byUnit.get(id) ?? []);
      },
      { maxBatchSize },
    ),
  };
}

/** Loaders for one request, keyed on its context object; a request without one gets its own set. */
export function requestLoaders(client: SocialCareClient): (context: unknown) => SocialCareLoaders {
  const byContext = new WeakMap<object, SocialCareLoaders>();
  return (context) => {
    if (typeof context !== 'object' || context === null) return createSocialCareLoaders(client);
    let loaders = byContext.get(context);
    if (!loaders) {
      loaders = createSocialCareLoaders(client);
      byContext.set(context, loaders);
    }
    return loaders;
  };
}
