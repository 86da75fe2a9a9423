import type { Relationship } from '../connector.js';
import type { PupilPayload } from './payload-schemas.js';

/**
 * Who the education system records as having a legitimate relationship with a pupil: the school(s) they are on
 * roll at now (by URN, since the enrolment began) and the virtual school head (by work email, lower case).
 */
export function toRelationships(pupil: PupilPayload): Relationship[] {
  const relationships: Relationship[] = [];
  for (const enrolment of pupil.enrolments) {
    if (enrolment.to !== null) continue;
    relationships.push({
      localId: pupil.pupilId,
      kind: 'SCHOOL',
      subject: { organisation: enrolment.schoolUrn },
      since: enrolment.from,
    });
  }
  const head = pupil.contacts.virtualSchoolHead;
  if (head) {
    relationships.push({
      localId: pupil.pupilId,
      kind: 'VIRTUAL_SCHOOL',
      subject: { person: head.email.trim().toLowerCase() },
      since: null,
    });
  }
  return relationships;
}
