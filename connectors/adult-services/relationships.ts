import type { Relationship } from '../connector.js';
import type { AdultServicesClient } from './adult-client.js';
import { toRelationships } from './to-relationships.js';

/** Ids per search when reading relationships (well inside the system's own limit). */
const idsPerRequest = 1000;

/** The transition worker and personal adviser relationships adult services record for these people. */
export async function readRelationships(
  client: AdultServicesClient,
  personIds: readonly string[],
): Promise<Relationship[]> {
  const wanted = [...new Set(personIds)];
  const relationships: Relationship[] = [];
  for (let start = 0; start < wanted.length; start += idsPerRequest) {
    const answer = await client.searchPeople(wanted.slice(start, start + idsPerRequest));
    for (const person of answer.people) relationships.push(...toRelationships(person));
  }
  return relationships;
}
