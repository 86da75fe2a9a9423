/**
 * Adult services read for reconciliation (the `readChildren` of the connector contract): what
 * `_adultServicesChildren` answers, without GraphQL. Each call makes its own loaders, so a batch of children is one
 * upstream search and nothing outlives the call.
 */
import { z } from 'zod';
import { toAgencyChildRead, type AgencyChildRead } from '../connector.js';
import { HubError } from '../../platform/errors.js';
import { adultServicesAgency, type AdultServicesClient } from './adult-client.js';
import { createAdultServicesLoaders } from './loaders.js';
import { readAdultServicesChildren } from './schema.js';

/** What `adultServicesMerge.Child.key` returns. */
const mergeKeys = z.array(z.object({ personIds: z.array(z.string()) }));

export function createAdultServicesReadChildren(options: {
  client: AdultServicesClient;
  now: () => Date;
  onMappingError: (error: unknown) => void;
}): (keys: readonly unknown[]) => Promise<AgencyChildRead[]> {
  const { client, now, onMappingError } = options;
  return async (keys) => {
    const parsed = mergeKeys.safeParse(keys);
    // A key this connector's merge config did not make is a bug in the caller; its values stay out of the error.
    if (!parsed.success)
      throw new HubError('INTERNAL', { details: { agency: adultServicesAgency, reason: 'BAD_MERGE_KEY' } });
    const children = await readAdultServicesChildren(
      createAdultServicesLoaders(client),
      parsed.data.map((key) => key.personIds),
      now,
    );
    return children.map((child) => toAgencyChildRead(child, onMappingError));
  };
}
