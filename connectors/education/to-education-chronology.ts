/**
 * One child's education events, oldest first: enrolments, exclusions, the EHC needs assessment milestones and
 * Personal Education Plans. EHC milestones reveal SEND; the rest is EDUCATION.
 */
import type { ChronologyEventValue, DataCategory, EducationEventKind } from './graphql-values.js';
import { startOfDay } from './graphql-values.js';
import { compare, uniqueBy } from '../lists.js';
import type { PupilPayload } from './payload-schemas.js';

const decisionWords: Record<'Y' | 'N' | 'A' | 'W' | 'H', string> = {
  Y: 'agreed to assess',
  N: 'decided not to assess',
  A: 'SEN2 outcome A',
  W: 'request withdrawn or ceased before a decision',
  H: 'historical decision',
};

export function toEducationChronology(records: readonly PupilPayload[]): ChronologyEventValue[] {
  const events: ChronologyEventValue[] = [];
  const event = (
    date: string,
    kind: EducationEventKind,
    summary: string,
    recordId: string,
    category: DataCategory,
  ) => events.push({ at: startOfDay(date), agency: 'EDUCATION', kind, summary, recordId, category });

  for (const record of records) {
    for (const enrolment of record.enrolments) {
      const school = enrolment.schoolName ?? 'a school';
      event(
        enrolment.from,
        'ENROLMENT_STARTED',
        `Enrolled at ${school} (URN ${enrolment.schoolUrn}), year ${enrolment.yearGroup}`,
        record.pupilId,
        'EDUCATION',
      );
    }
    for (const exclusion of record.exclusions) {
      const what =
        exclusion.kind === 'PERMANENT'
          ? 'Permanent exclusion'
          : `Suspension for ${exclusion.sessions} session${exclusion.sessions === 1 ? '' : 's'}`;
      event(
        exclusion.date,
        'EXCLUSION',
        `${what} (reason ${exclusion.reason}, URN ${exclusion.schoolUrn})`,
        exclusion.id,
        'EDUCATION',
      );
    }
    const ehc = record.ehcNeedsAssessment;
    if (ehc) {
      event(ehc.requestDate, 'EHC_REQUESTED', 'EHC needs assessment requested', ehc.id, 'SEND');
      if (ehc.decisionDate) {
        const outcome = ehc.decisionOutcome ? decisionWords[ehc.decisionOutcome] : 'outcome not recorded';
        event(
          ehc.decisionDate,
          'EHC_DECISION',
          `Decision on EHC needs assessment: ${outcome}`,
          ehc.id,
          'SEND',
        );
      }
      if (ehc.finalPlanDate) event(ehc.finalPlanDate, 'EHCP_ISSUED', 'EHC plan issued', ehc.id, 'SEND');
      for (const review of ehc.annualReviews) {
        const pfa = review.pfaOutcomes ? 'with' : 'without';
        event(
          review.date,
          'EHCP_ANNUAL_REVIEW',
          `EHC plan annual review, ${pfa} preparing-for-adulthood outcomes`,
          review.id,
          'SEND',
        );
      }
    }
    for (const plan of record.personalEducationPlans) {
      event(plan.date, 'PEP_HELD', 'Personal Education Plan meeting', plan.id, 'EDUCATION');
    }
  }
  // Duplicate records of one child can carry the same happening (same kind, day and words): keep one.
  return uniqueBy(events, (e) => `${e.kind}|${e.at}|${e.summary}`).sort(
    (a, b) => compare(a.at, b.at) || compare(a.kind, b.kind),
  );
}
