/**
 * Health read for reconciliation (the `readChildren` of the connector contract): what `_healthChildren` answers
 * (`healthSource` and the `health` section), without GraphQL. Each call makes its own loaders, so a batch of
 * children is one upstream search and nothing outlives the call.
 */
import { idListsOfMergeKeys, toAgencyChildRead, type AgencyChildRead } from '../connector.js';
import { healthAgency } from './health-client.js';
import { toSourceStatus } from './health-child.js';
import { createHealthLoaders, type LoaderOptions } from './loaders.js';
import { readHealthChildren } from './schema.js';
import { toHealthSection } from './to-health-section.js';

export function createHealthReadChildren(
  options: LoaderOptions & { onMappingError: (error: unknown) => void },
): (keys: readonly unknown[]) => Promise<AgencyChildRead[]> {
  const { onMappingError, ...loaderOptions } = options;
  return async (keys) => {
    const idLists = idListsOfMergeKeys(keys, 'gpPatientIds', healthAgency);
    const children = await readHealthChildren(createHealthLoaders(loaderOptions), idLists, loaderOptions.now);
    return children.map(({ outcome }) =>
      toAgencyChildRead(
        {
          source: () => toSourceStatus(outcome),
          section: () => (outcome.state === 'OK' ? toHealthSection(outcome.records, outcome.asOf) : null),
        },
        onMappingError,
      ),
    );
  };
}
