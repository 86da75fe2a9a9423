import type { Relationship } from '../connector.js';
import type { EducationClient } from './education-client.js';
import { toRelationships } from './to-relationships.js';

/** Ids per search when reading relationships (well inside the system's own limit). */
const idsPerRequest = 1000;

/** The school and virtual school relationships the education system records for these pupils. */
export async function readRelationships(
  client: EducationClient,
  pupilIds: readonly string[],
): Promise<Relationship[]> {
  const wanted = [...new Set(pupilIds)];
  const relationships: Relationship[] = [];
  for (let start = 0; start < wanted.length; start += idsPerRequest) {
    const answer = await client.searchPupils(wanted.slice(start, start + idsPerRequest));
    for (const pupil of answer.pupils) relationships.push(...toRelationships(pupil));
  }
  return relationships;
}
