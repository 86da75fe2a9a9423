/**
 * Education read for reconciliation (the `readChildren` of the connector contract): what `_educationChildren`
 * answers, without GraphQL. Each call makes its own loaders, so a batch of children is one upstream search and
 * nothing outlives the call.
 */
import { z } from 'zod';
import { toAgencyChildRead, type AgencyChildRead } from '../connector.js';
import { HubError } from '../../platform/errors.js';
import { educationAgency, type EducationClient } from './education-client.js';
import { createEducationLoaders } from './loaders.js';
import { readEducationChildren } from './schema.js';

/** What `educationMerge.Child.key` returns. */
const mergeKeys = z.array(z.object({ pupilIds: z.array(z.string()) }));

export function createEducationReadChildren(options: {
  client: EducationClient;
  now: () => Date;
  onMappingError: (error: unknown) => void;
}): (keys: readonly unknown[]) => Promise<AgencyChildRead[]> {
  const { client, now, onMappingError } = options;
  return async (keys) => {
    const parsed = mergeKeys.safeParse(keys);
    // A key this connector's merge config did not make is a bug in the caller; its values stay out of the error.
    if (!parsed.success)
      throw new HubError('INTERNAL', { details: { agency: educationAgency, reason: 'BAD_MERGE_KEY' } });
    const children = await readEducationChildren(
      createEducationLoaders(client),
      parsed.data.map((key) => key.pupilIds),
      now,
    );
    return children.map((child) => toAgencyChildRead(child, onMappingError));
  };
}
