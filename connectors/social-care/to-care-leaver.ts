/** Care leaver status, with the pathway dates the extension records and the personal adviser as a practitioner. */
import type { ChildRecord } from './child-record.js';
import type { CareLeaverValue } from './social-care-section.js';
import { toPractitioner } from './to-practitioner.js';

export function toCareLeaver(record: ChildRecord): CareLeaverValue | null {
  const [row] = record.careLeavers;
  if (!row) return null;
  const pathway = record.careLeaverPathways[0];
  const adviserId = row.clea_care_leaver_personal_advisor;
  const adviser = adviserId === null ? undefined : record.professionals.get(adviserId);
  return {
    eligibility: row.clea_care_leaver_eligibility,
    inTouch: row.clea_care_leaver_in_touch,
    accommodation: row.clea_care_leaver_accommodation,
    accommodationSuitable: row.clea_care_leaver_accom_suitable,
    activity: row.clea_care_leaver_activity,
    latestContact: row.clea_care_leaver_latest_contact,
    needsAssessmentDate: pathway?.clpx_needs_assessment_date ?? null,
    pathwayPlanDate: pathway?.clpx_pathway_plan_date ?? null,
    pathwayPlanReviewDate: row.clea_pathway_plan_review_date,
    personalAdviser: adviser ? toPractitioner(adviser, 'PERSONAL_ADVISER', null) : null,
  };
}
