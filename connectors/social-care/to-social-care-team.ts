/**
 * The social care professionals around the child now: everyone with an open involvement (allocated social worker,
 * team manager, IRO, personal adviser, ...), each once, with the date their involvement began.
 */
import type { ChildRecord } from './child-record.js';
import type { PractitionerValue } from './graphql-values.js';
import { compare, uniqueBy } from './lists.js';
import { roleFromJobTitle, toPractitioner } from './to-practitioner.js';

const roleOrder = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'IRO', 'PERSONAL_ADVISER'];

/** The SSD's involvement role codes are the hub's; anything else is normalised like a job title. */
export function involvementRole(roleCode: string | null): string {
  const code = roleCode?.trim().toUpperCase() ?? '';
  return roleOrder.includes(code) ? code : roleFromJobTitle(roleCode);
}

function rank(role: string): number {
  const index = roleOrder.indexOf(role);
  return index === -1 ? roleOrder.length : index;
}

export function toSocialCareTeam(records: readonly ChildRecord[]): PractitionerValue[] {
  const members = records.flatMap((record) =>
    record.involvements.flatMap((involvement) => {
      if (involvement.invo_involvement_end_date !== null || involvement.invo_professional_id === null)
        return [];
      const professional = record.professionals.get(involvement.invo_professional_id);
      if (!professional) return [];
      const practitioner = toPractitioner(
        professional,
        involvementRole(involvement.invo_professional_role_id),
        involvement.invo_involvement_start_date,
      );
      return [{ professionalId: professional.prof_professional_id, practitioner }];
    }),
  );
  return uniqueBy(
    members.sort(
      (a, b) =>
        rank(a.practitioner.role) - rank(b.practitioner.role) ||
        compare(a.practitioner.since ?? '', b.practitioner.since ?? ''),
    ),
    (member) => `${member.practitioner.role}|${member.professionalId}`,
  ).map((member) => member.practitioner);
}
