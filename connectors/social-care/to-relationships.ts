/**
 * Who the SSD records as working with a child now: one relationship per open involvement (allocated social
 * worker, team manager, IRO, personal adviser) and per care leaver record's personal adviser, naming the
 * professional by work email, lower case.
 */
import type { Relationship } from '../connector.js';
import { dayOf, uniqueBy } from './lists.js';
import type { CareLeaverRow, InvolvementRow } from './payload-schemas.js';
import { involvementRole } from './to-social-care-team.js';

const relationshipKinds: Record<string, Relationship['kind']> = {
  SOCIAL_WORKER: 'ALLOCATED_SOCIAL_WORKER',
  TEAM_MANAGER: 'TEAM_MANAGER',
  IRO: 'IRO',
  PERSONAL_ADVISER: 'PERSONAL_ADVISER',
};

// Only something shaped like an address: a relationship grants access, so a note typed into the e-mail column
// ("n/a", "see file") must not become a subject anyone could be matched against.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function workEmail(
  emailByProfessional: ReadonlyMap<string, string>,
  professionalId: string | null,
): string | null {
  if (professionalId === null) return null;
  const email = emailByProfessional.get(professionalId)?.trim().toLowerCase();
  return email !== undefined && emailShape.test(email) ? email : null;
}

/**
 * Involvements (and care leaver records) whose professional has no known email are left out: a relationship
 * grants access, so it must name someone a caller can be checked against. An open involvement comes before the
 * care leaver record naming the same adviser, so the relationship keeps the involvement's start date.
 */
export function toRelationships(
  involvements: readonly InvolvementRow[],
  emailByProfessional: ReadonlyMap<string, string>,
  careLeavers: readonly CareLeaverRow[] = [],
): Relationship[] {
  const fromInvolvements = involvements.flatMap((involvement): Relationship[] => {
    const kind = relationshipKinds[involvementRole(involvement.invo_professional_role_id)];
    const email = workEmail(emailByProfessional, involvement.invo_professional_id);
    if (involvement.invo_involvement_end_date !== null || !kind || email === null) return [];
    return [
      {
        localId: involvement.invo_person_id,
        kind,
        subject: { person: email },
        since: dayOf(involvement.invo_involvement_start_date),
      },
    ];
  });
  const fromCareLeavers = careLeavers.flatMap((careLeaver): Relationship[] => {
    const email = workEmail(emailByProfessional, careLeaver.clea_care_leaver_personal_advisor);
    if (email === null) return [];
    return [
      {
        localId: careLeaver.clea_person_id,
        kind: 'PERSONAL_ADVISER',
        subject: { person: email },
        since: null,
      },
    ];
  });
  return uniqueBy(
    [...fromInvolvements, ...fromCareLeavers],
    (r) => `${r.localId}|${r.kind}|${'person' in r.subject ? r.subject.person : r.subject.organisation}`,
  );
}
