/**
 * The education professionals around one child: SENCO, designated teacher (for looked-after children) and the
 * virtual school head, from every record linked to the child, without repeats.
 */
import type { PractitionerValue } from './graphql-values.js';
import { uniqueBy } from '../lists.js';
import type { PupilPayload } from './payload-schemas.js';
import { toPractitioner } from './to-practitioner.js';

export function toEducationTeam(records: readonly PupilPayload[]): PractitionerValue[] {
  const team: PractitionerValue[] = [];
  for (const { contacts } of records) {
    if (contacts.senco) team.push(toPractitioner(contacts.senco, 'SENCO'));
    if (contacts.designatedTeacher)
      team.push(toPractitioner(contacts.designatedTeacher, 'DESIGNATED_TEACHER'));
    if (contacts.virtualSchoolHead)
      team.push(toPractitioner(contacts.virtualSchoolHead, 'VIRTUAL_SCHOOL_HEAD'));
  }
  return uniqueBy(team, (member) => `${member.role}|${(member.email ?? member.name).toLowerCase()}`);
}
