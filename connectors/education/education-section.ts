/** The shape of `EducationSection` (see schema.ts), as the mappers build it. */
import type { PractitionerValue } from './graphql-values.js';

export interface EnrolmentValue {
  schoolUrn: string;
  schoolName: string | null;
  yearGroup: string;
  from: string;
  to: string | null;
  current: boolean;
}

export interface TermAttendanceValue {
  academicYear: string;
  term: 'AUTUMN' | 'SPRING' | 'SUMMER';
  possibleSessions: number;
  attendedSessions: number;
  percentage: number | null;
}

export interface ExclusionValue {
  id: string;
  date: string;
  kind: 'SUSPENSION' | 'PERMANENT';
  sessions: number;
  reason: string;
  schoolUrn: string;
}

export interface EhcNeedsAssessmentValue {
  id: string;
  requestDate: string;
  decisionDate: string | null;
  decisionOutcome: 'Y' | 'N' | 'A' | 'W' | 'H' | null;
  finalPlanDate: string | null;
  annualReviews: Array<{ id: string; date: string; preparingForAdulthoodOutcomes: boolean }>;
  status: 'REQUESTED' | 'ASSESSING' | 'ISSUED' | 'REFUSED' | 'CEASED';
}

export interface PersonalEducationPlanValue {
  id: string;
  date: string;
  reviewedDate: string | null;
  designatedTeacher: PractitionerValue | null;
}

export interface EducationSectionValue {
  pupilIds: string[];
  currentEnrolment: EnrolmentValue | null;
  enrolments: EnrolmentValue[];
  attendance: TermAttendanceValue[];
  exclusions: ExclusionValue[];
  senProvision: 'N' | 'K' | 'E';
  senNeeds: string[];
  ehcNeedsAssessments: EhcNeedsAssessmentValue[];
  personalEducationPlans: PersonalEducationPlanValue[];
}
