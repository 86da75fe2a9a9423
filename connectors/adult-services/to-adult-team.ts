/**
 * The adult services professionals around one child: transition worker(s) and the personal adviser(s) named on
 * pathway plans, from every record linked to the child, without repeats.
 */
import type { PractitionerValue } from './graphql-values.js';
import { uniqueBy } from '../lists.js';
import type { PersonPayload } from './payload-schemas.js';
import { toPractitioner } from './to-practitioner.js';

export function toAdultTeam(records: readonly PersonPayload[]): PractitionerValue[] {
  const team: PractitionerValue[] = [];
  for (const record of records) {
    if (record.transitionWorker)
      team.push(toPractitioner(record.transitionWorker, 'TRANSITION_WORKER', null));
    for (const plan of record.pathwayPlans) {
      if (plan.personalAdviser) {
        team.push(
          toPractitioner(plan.personalAdviser, 'PERSONAL_ADVISER', plan.planDate ?? plan.needsAssessmentDate),
        );
      }
    }
  }
  return uniqueBy(team, (member) => `${member.role}|${(member.email ?? member.name).toLowerCase()}`);
}
