/**
 * Who the SSD records as working with a child now: one relationship per open involvement (allocated social
 * worker, team manager, IRO, personal adviser), naming the professional by work email, lower case.
 */
import type { Relationship } from '../connector.js';
import { dayOf, uniqueBy } from './lists.js';
import type { InvolvementRow } from './payload-schemas.js';
import { involvementRole } from './to-social-care-team.js';

const relationshipKinds: Record<string, Relationship['kind']> = {
  SOCIAL_WORKER: 'ALLOCATED_SOCIAL_WORKER',
  TEAM_MANAGER: 'TEAM_MANAGER',
  IRO: 'IRO',
  PERSONAL_ADVISER: 'PERSONAL_ADVISER',
};

/**
 * Involvements whose professional has no known email are left out: a relationship grants access, so it must
 * name someone a caller can be checked against.
 */
export function toRelationships(
  involvements: readonly InvolvementRow[],
  emailByProfessional: ReadonlyMap<string, string>,
): Relationship[] {
  const relationships = involvements.flatMap((involvement): Relationship[] => {
    const kind = relationshipKinds[involvementRole(involvement.invo_professional_role_id)];
    if (involvement.invo_involvement_end_date !== null || !kind || involvement.invo_professional_id === null)
      return [];
    const email = emailByProfessional.get(involvement.invo_professional_id);
    if (email === undefined || email.trim() === '') return [];
    return [
      {
        localId: involvement.invo_person_id,
        kind,
        subject: { person: email.trim().toLowerCase() },
        since: dayOf(involvement.invo_involvement_start_date),
      },
    ];
  });
  return uniqueBy(
    relationships,
    (r) => `${r.localId}|${r.kind}|${'person' in r.subject ? r.subject.person : r.subject.organisation}`,
  );
}
