/**
 * Health read for reconciliation (the `readChildren` of the connector contract): what `_healthChildren` answers
 * (`healthSource` and the `health` section), without GraphQL. Each call makes its own loaders, so a batch of
 * children is one upstream search and nothing outlives the call.
 */
import { z } from 'zod';
import { toAgencyChildRead, type AgencyChildRead } from '../connector.js';
import { HubError } from '../../platform/errors.js';
import { healthAgency } from './health-client.js';
import { toSourceStatus } from './health-child.js';
import { createHealthLoaders, type LoaderOptions } from './loaders.js';
import { readHealthChildren } from './schema.js';
import { toHealthSection } from './to-health-section.js';

/** What `healthMerge.Child.key` returns. */
const mergeKeys = z.array(z.object({ gpPatientIds: z.array(z.string()) }));

export function createHealthReadChildren(
  options: LoaderOptions & { onMappingError: (error: unknown) => void },
): (keys: readonly unknown[]) => Promise<AgencyChildRead[]> {
  const { onMappingError, ...loaderOptions } = options;
  return async (keys) => {
    const parsed = mergeKeys.safeParse(keys);
    // A key this connector's merge config did not make is a bug in the caller; its values stay out of the error.
    if (!parsed.success)
      throw new HubError('INTERNAL', { details: { agency: healthAgency, reason: 'BAD_MERGE_KEY' } });
    const children = await readHealthChildren(
      createHealthLoaders(loaderOptions),
      parsed.data.map((key) => key.gpPatientIds),
      loaderOptions.now,
    );
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
