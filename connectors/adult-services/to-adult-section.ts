/**
 * Builds one child's AdultServicesSection from the adult records the identity index links to them. A child can
 * have more than one record (a duplicate inside adult services): lists are combined without repeats, oldest first.
 */
import type { AdultServicesSectionValue } from './adult-section.js';
import { compare, uniqueBy } from '../lists.js';
import type { PersonPayload } from './payload-schemas.js';
import { toPractitioner } from './to-practitioner.js';

export function toAdultSection(records: readonly PersonPayload[]): AdultServicesSectionValue {
  return {
    personIds: records.map((record) => record.personId),
    transitionReferrals: uniqueBy(
      records.flatMap((record) => record.transitionReferrals.map((referral) => ({ ...referral }))),
      (referral) => referral.id,
    ).sort((a, b) => compare(a.date, b.date)),
    s58Assessments: uniqueBy(
      records.flatMap((record) => record.s58Assessments.map((assessment) => ({ ...assessment }))),
      (assessment) => assessment.id,
    ).sort((a, b) => compare(a.referralDate, b.referralDate)),
    pathwayPlans: uniqueBy(
      records.flatMap((record) =>
        record.pathwayPlans.map((plan) => ({
          id: plan.id,
          needsAssessmentDate: plan.needsAssessmentDate,
          planDate: plan.planDate,
          personalAdviser: plan.personalAdviser
            ? toPractitioner(plan.personalAdviser, 'PERSONAL_ADVISER', plan.planDate)
            : null,
        })),
      ),
      (plan) => plan.id,
    ).sort((a, b) =>
      compare(a.planDate ?? a.needsAssessmentDate ?? '', b.planDate ?? b.needsAssessmentDate ?? ''),
    ),
    transitionWorkers: uniqueBy(
      records.flatMap((record) =>
        record.transitionWorker ? [toPractitioner(record.transitionWorker, 'TRANSITION_WORKER', null)] : [],
      ),
      (worker) => (worker.email ?? worker.name).toLowerCase(),
    ),
    cldEvents: uniqueBy(
      records.flatMap((record) => record.cldEvents.map((event) => ({ ...event }))),
      (event) => event.id,
    ).sort((a, b) => compare(a.date, b.date)),
  };
}
