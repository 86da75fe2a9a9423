/**
 * Education read for reconciliation (the `readChildren` of the connector contract): what `_educationChildren`
 * answers, without GraphQL. Each call makes its own loaders, so a batch of children is one upstream search and
 * nothing outlives the call.
 */
import { idListsOfMergeKeys, toAgencyChildRead, type AgencyChildRead } from '../connector.js';
import { educationAgency, type EducationClient } from './education-client.js';
import { createEducationLoaders } from './loaders.js';
import { readEducationChildren } from './schema.js';

export function createEducationReadChildren(options: {
  client: EducationClient;
  now: () => Date;
  onMappingError: (error: unknown) => void;
}): (keys: readonly unknown[]) => Promise<AgencyChildRead[]> {
  const { client, now, onMappingError } = options;
  return async (keys) => {
    const idLists = idListsOfMergeKeys(keys, 'pupilIds', educationAgency);
    const children = await readEducationChildren(createEducationLoaders(client), idLists, now);
    return children.map((child) => toAgencyChildRead(child, onMappingError));
  };
}
