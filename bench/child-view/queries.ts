/**
 * The two operations the child-view benchmark measures: one child with every section, and a page of 100 children
 * with the same selection. Sections are selected only for the agencies that are registered, so the benchmark
 * runs whether or not a connector has been added yet.
 */
import type { AgencyCode } from '../../connectors/connector.js';

/** Representative nested fields of each agency's section (lists, nested objects, a cross-table lookup). */
export const sectionSelections: Record<AgencyCode, string> = {
  SOCIAL_CARE: `socialCare {
    personIds sealedReason sendFlag disabilities
    status { lookedAfter childInNeed childProtectionPlan legalStatus careLeaver }
    referrals { id date primaryNeed source noFurtherAction closedDate }
    assessments { id startDate authorisedDate factors }
    childInNeedPlans { id startDate endDate }
    visits { id kind date childSeen childSeenAlone }
    s47Enquiries { id strategyDiscussionDate outcomes }
    childProtectionPlans { id startDate endDate initialCategory latestCategory }
    careEpisodes { id periodOfCareId startDate legalStatus ceasedDate }
    placements { id type urn startDate endDate interim residentialUnit { id name urn capacity } }
    currentPlacement { id type startDate }
    lookedAfterReviews { id dueDate date participation }
    healthAssessments { id type date status }
    missingEpisodes { id type startDate endDate returnInterviewDate }
    careLeaver { eligibility inTouch pathwayPlanDate personalAdviser { name role } }
    meetings { id date type statutory }
  }`,
  HEALTH: `health {
    registeredPractice { odsCode name phone }
    registeredGp { name email }
    registrations { patientId practice { odsCode } }
    patients { patientId nhsNumber nhsNumberValid givenNames familyName birthDate gender restricted }
    conditions { id display code clinicalStatus active onset category }
    medications { id display status start dosage category }
    allergies { id display criticality category }
    immunisations { id display date category }
    encounters { id kind classCode status start end reason category }
    aAndEAttendances { id start end }
    observations { id display value unit effective }
    sexualHealth { conditions { id display } medications { id display } }
    mentalHealth { conditions { id display } encounters { id kind } }
    asOf
  }`,
  EDUCATION: `education {
    pupilIds
    currentEnrolment { schoolUrn schoolName yearGroup from }
    enrolments { schoolUrn schoolName yearGroup from to current }
    attendance { academicYear term possibleSessions attendedSessions percentage }
    exclusions { id date kind sessions reason }
    senProvision senNeeds
    ehcNeedsAssessments { id requestDate status finalPlanDate annualReviews { id date } }
    personalEducationPlans { id date designatedTeacher { name email } }
  }`,
  ADULT_SERVICES: `adultServices {
    personIds
    transitionReferrals { id date source reason }
    s58Assessments { id referralDate assessmentDate outcome }
    pathwayPlans { id planDate personalAdviser { name role } }
    transitionWorkers { name role organisation }
    cldEvents { id eventType date detail }
  }`,
};

/** The child view's selection for the agencies present, in the order given. */
export function childSelection(agencies: readonly AgencyCode[]): string {
  return `
    id givenName familyName dateOfBirth sex nhsNumber upn
    links { agency localId method score }
    identityConflicts { agency kind }
    ${agencies.map((agency) => sectionSelections[agency]).join('\n    ')}
    sources { agency state asOf reason }
    chronology { at agency kind summary recordId category }
    teamAroundTheChild { agency name role organisation email since }`;
}

export interface MeasuredQuery {
  name: string;
  body: { query: string; operationName: string; variables?: Record<string, unknown> };
}

/** One child by id (a variable, as a client sends it) and the first page of 100 children. */
export function childViewQueries(agencies: readonly AgencyCode[], childId: string): MeasuredQuery[] {
  const selection = childSelection(agencies);
  return [
    {
      name: '1 child',
      body: {
        operationName: 'ChildView',
        query: `query ChildView($id: ID!) { child(id: $id) { ${selection} } }`,
        variables: { id: childId },
      },
    },
    {
      name: '100 children',
      body: {
        operationName: 'ChildViewPage',
        query: `query ChildViewPage { children(first: 100) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { ${selection} } }
        } }`,
      },
    },
  ];
}
