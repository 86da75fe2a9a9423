/**
 * Adult services read for reconciliation (the `readChildren` of the connector contract): what
 * `_adultServicesChildren` answers, without GraphQL. Each call makes its own loaders, so a batch of children is one
 * upstream search and nothing outlives the call.
 */
import { idListsOfMergeKeys, toAgencyChildRead, type AgencyChildRead } from '../connector.js';
import { adultServicesAgency, type AdultServicesClient } from './adult-client.js';
import { createAdultServicesLoaders } from './loaders.js';
import { readAdultServicesChildren } from './schema.js';

export function createAdultServicesReadChildren(options: {
  client: AdultServicesClient;
  now: () => Date;
  onMappingError: (error: unknown) => void;
}): (keys: readonly unknown[]) => Promise<AgencyChildRead[]> {
  const { client, now, onMappingError } = options;
  return async (keys) => {
    const idLists = idListsOfMergeKeys(keys, 'personIds', adultServicesAgency);
    const children = await readAdultServicesChildren(createAdultServicesLoaders(client), idLists, now);
    return children.map((child) => toAgencyChildRead(child, onMappingError));
  };
}
