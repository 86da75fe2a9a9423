/**
 * One child's adult services events, oldest first: transition referrals, Care Act s58 assessments, pathway plans
 * and the Client Level Data events (as CLD_REQUEST, CLD_ASSESSMENT, CLD_REVIEW, CLD_SERVICE).
 */
import type { AdultEventKind, ChronologyEventValue } from './graphql-values.js';
import { startOfDay } from './graphql-values.js';
import { compare, uniqueBy } from '../lists.js';
import type { PersonPayload } from './payload-schemas.js';

const outcomeWords = {
  ELIGIBLE: 'likely eligible for care and support as an adult',
  NOT_ELIGIBLE: 'not likely eligible for care and support as an adult',
  PENDING: 'outcome pending',
} as const;

export function toAdultChronology(records: readonly PersonPayload[]): ChronologyEventValue[] {
  const events: ChronologyEventValue[] = [];
  const event = (date: string, kind: AdultEventKind, summary: string, recordId: string) =>
    events.push({
      at: startOfDay(date),
      agency: 'ADULT_SERVICES',
      kind,
      summary,
      recordId,
      category: 'ADULT_SERVICES',
    });

  for (const record of records) {
    for (const referral of record.transitionReferrals) {
      event(
        referral.date,
        'TRANSITION_REFERRAL',
        `Transition referral from ${referral.source}: ${referral.reason}`,
        referral.id,
      );
    }
    for (const assessment of record.s58Assessments) {
      if (assessment.assessmentDate) {
        event(
          assessment.assessmentDate,
          'S58_ASSESSMENT',
          `Care Act s58 assessment: ${outcomeWords[assessment.outcome]}`,
          assessment.id,
        );
      } else {
        event(
          assessment.referralDate,
          'S58_ASSESSMENT',
          `Care Act s58 assessment requested, not yet carried out (${outcomeWords[assessment.outcome]})`,
          assessment.id,
        );
      }
    }
    for (const plan of record.pathwayPlans) {
      if (plan.planDate) event(plan.planDate, 'PATHWAY_PLAN', 'Pathway plan agreed', plan.id);
      else if (plan.needsAssessmentDate) {
        event(plan.needsAssessmentDate, 'PATHWAY_PLAN', 'Pathway needs assessment; no plan yet', plan.id);
      }
    }
    for (const cld of record.cldEvents) event(cld.date, `CLD_${cld.eventType}`, cld.detail, cld.id);
  }
  // Duplicate records of one child can carry the same happening (same kind, day and words): keep one.
  return uniqueBy(events, (e) => `${e.kind}|${e.at}|${e.summary}`).sort(
    (a, b) => compare(a.at, b.at) || compare(a.kind, b.kind),
  );
}
