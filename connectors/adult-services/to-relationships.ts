import type { Relationship } from '../connector.js';
import { uniqueBy } from '../lists.js';
import type { PersonPayload } from './payload-schemas.js';

/**
 * Who adult services record as working with a person: the transition worker and the personal adviser(s) named on
 * pathway plans, each by work email (lower case).
 */
export function toRelationships(person: PersonPayload): Relationship[] {
  const relationships: Relationship[] = [];
  if (person.transitionWorker) {
    relationships.push({
      localId: person.personId,
      kind: 'TRANSITION_WORKER',
      subject: { person: person.transitionWorker.email.trim().toLowerCase() },
      since: null,
    });
  }
  for (const plan of person.pathwayPlans) {
    if (!plan.personalAdviser) continue;
    relationships.push({
      localId: person.personId,
      kind: 'PERSONAL_ADVISER',
      subject: { person: plan.personalAdviser.email.trim().toLowerCase() },
      since: plan.planDate ?? plan.needsAssessmentDate,
    });
  }
  return uniqueBy(relationships, (r) => `${r.kind}|${'person' in r.subject ? r.subject.person : ''}`);
}
