/**
 * Builds one child's EducationSection from the pupil records the identity index links to them. A child can have
 * more than one record (a duplicate inside the education system): lists are combined without repeats, oldest
 * first, and the SEN provision is the highest any record holds (E over K over N).
 */
import type {
  EducationSectionValue,
  EhcNeedsAssessmentValue,
  EnrolmentValue,
  ExclusionValue,
  PersonalEducationPlanValue,
  TermAttendanceValue,
} from './education-section.js';
import type { PupilPayload } from './payload-schemas.js';
import { compare, uniqueBy } from '../lists.js';
import { toPractitioner } from './to-practitioner.js';

const provisionRank = { N: 0, K: 1, E: 2 } as const;
const termRank = { AUTUMN: 0, SPRING: 1, SUMMER: 2 } as const;

export function toEducationSection(records: readonly PupilPayload[]): EducationSectionValue {
  const enrolments = uniqueBy(
    records.flatMap((record) => record.enrolments.map(toEnrolment)),
    (enrolment) => `${enrolment.schoolUrn}|${enrolment.from}`,
  ).sort((a, b) => compare(a.from, b.from));
  let senProvision: EducationSectionValue['senProvision'] = 'N';
  for (const record of records) {
    if (provisionRank[record.sen.provision] > provisionRank[senProvision])
      senProvision = record.sen.provision;
  }
  return {
    pupilIds: records.map((record) => record.pupilId),
    currentEnrolment: latestCurrent(enrolments),
    enrolments,
    attendance: uniqueBy(
      records.flatMap((record) => record.attendance.map(toTermAttendance)),
      (term) => `${term.academicYear}|${term.term}|${term.possibleSessions}|${term.attendedSessions}`,
    ).sort((a, b) => compare(a.academicYear, b.academicYear) || termRank[a.term] - termRank[b.term]),
    exclusions: uniqueBy(
      records.flatMap((record) => record.exclusions.map(toExclusion)),
      (exclusion) => exclusion.id,
    ).sort((a, b) => compare(a.date, b.date)),
    senProvision,
    senNeeds: [...new Set(records.flatMap((record) => record.sen.needs))],
    ehcNeedsAssessments: uniqueBy(
      records.flatMap((record) =>
        record.ehcNeedsAssessment ? [toEhcNeedsAssessment(record.ehcNeedsAssessment)] : [],
      ),
      (assessment) => assessment.id,
    ).sort((a, b) => compare(a.requestDate, b.requestDate)),
    personalEducationPlans: uniqueBy(
      records.flatMap((record) => record.personalEducationPlans.map(toPersonalEducationPlan)),
      (plan) => plan.id,
    ).sort((a, b) => compare(a.date, b.date)),
  };
}

function toEnrolment(enrolment: PupilPayload['enrolments'][number]): EnrolmentValue {
  return { ...enrolment, current: enrolment.to === null };
}

/** The most recently started enrolment that has not ended (dual registration keeps the others in the list). */
function latestCurrent(enrolments: readonly EnrolmentValue[]): EnrolmentValue | null {
  let latest: EnrolmentValue | null = null;
  for (const enrolment of enrolments) {
    if (enrolment.current && (latest === null || enrolment.from >= latest.from)) latest = enrolment;
  }
  return latest;
}

/** Attendance as a percentage of possible sessions, to one decimal place; null when none were possible. */
export function attendancePercentage(attended: number, possible: number): number | null {
  if (possible === 0) return null;
  return Math.round((attended / possible) * 1000) / 10;
}

function toTermAttendance(term: PupilPayload['attendance'][number]): TermAttendanceValue {
  return { ...term, percentage: attendancePercentage(term.attendedSessions, term.possibleSessions) };
}

function toExclusion(exclusion: PupilPayload['exclusions'][number]): ExclusionValue {
  return { ...exclusion };
}

function toEhcNeedsAssessment(
  assessment: NonNullable<PupilPayload['ehcNeedsAssessment']>,
): EhcNeedsAssessmentValue {
  return {
    id: assessment.id,
    requestDate: assessment.requestDate,
    decisionDate: assessment.decisionDate,
    decisionOutcome: assessment.decisionOutcome,
    finalPlanDate: assessment.finalPlanDate,
    annualReviews: assessment.annualReviews
      .map((review) => ({
        id: review.id,
        date: review.date,
        preparingForAdulthoodOutcomes: review.pfaOutcomes,
      }))
      .sort((a, b) => compare(a.date, b.date)),
    status: assessment.status,
  };
}

function toPersonalEducationPlan(
  plan: PupilPayload['personalEducationPlans'][number],
): PersonalEducationPlanValue {
  return {
    id: plan.id,
    date: plan.date,
    reviewedDate: plan.reviewedDate,
    designatedTeacher: plan.designatedTeacher
      ? toPractitioner(plan.designatedTeacher, 'DESIGNATED_TEACHER')
      : null,
  };
}
