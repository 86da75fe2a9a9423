/** The shape of `AdultServicesSection` (see schema.ts), as the mappers build it. */
import type { PractitionerValue } from './graphql-values.js';

export interface TransitionReferralValue {
  id: string;
  date: string;
  source: string;
  reason: string;
}

export interface S58AssessmentValue {
  id: string;
  referralDate: string;
  assessmentDate: string | null;
  outcome: 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'PENDING';
}

export interface PathwayPlanValue {
  id: string;
  needsAssessmentDate: string | null;
  planDate: string | null;
  personalAdviser: PractitionerValue | null;
}

export interface CldEventValue {
  id: string;
  eventType: 'REQUEST' | 'ASSESSMENT' | 'REVIEW' | 'SERVICE';
  date: string;
  detail: string;
}

export interface AdultServicesSectionValue {
  personIds: string[];
  transitionReferrals: TransitionReferralValue[];
  s58Assessments: S58AssessmentValue[];
  pathwayPlans: PathwayPlanValue[];
  transitionWorkers: PractitionerValue[];
  cldEvents: CldEventValue[];
}
