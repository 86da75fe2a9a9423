/** The shape of `SocialCareSection` (see social-care-sdl.ts), as the mappers build it. Instants are ISO strings. */
import type { PractitionerValue } from './graphql-values.js';

export interface StatusValue {
  lookedAfter: boolean;
  childInNeed: boolean;
  childProtectionPlan: boolean;
  legalStatus: string | null;
  careLeaver: boolean;
}

export interface ReferralValue {
  id: string;
  date: string;
  primaryNeed: string | null;
  source: string | null;
  noFurtherAction: boolean | null;
  closedDate: string | null;
  closeReason: string | null;
}

export interface AssessmentValue {
  id: string;
  referralId: string | null;
  startDate: string;
  childSeen: boolean | null;
  authorisedDate: string | null;
  noFurtherAction: boolean | null;
  factors: string[];
}

export interface ChildInNeedPlanValue {
  id: string;
  referralId: string | null;
  startDate: string;
  endDate: string | null;
}

export interface VisitValue {
  id: string;
  kind: 'CHILD_IN_NEED' | 'CHILD_PROTECTION' | 'LOOKED_AFTER';
  date: string;
  childSeen: boolean | null;
  childSeenAlone: boolean | null;
}

export interface S47EnquiryValue {
  id: string;
  referralId: string | null;
  strategyDiscussionDate: string;
  endDate: string | null;
  noFurtherAction: boolean | null;
  outcomes: string[];
}

export interface InitialConferenceValue {
  id: string;
  s47EnquiryId: string | null;
  targetDate: string | null;
  date: string | null;
  transferIn: boolean | null;
  resultedInPlan: boolean | null;
  cpPlanId: string | null;
}

export interface ChildProtectionPlanValue {
  id: string;
  startDate: string;
  endDate: string | null;
  initialCategory: string | null;
  latestCategory: string | null;
  initialConferenceId: string | null;
}

export interface ChildProtectionReviewValue {
  id: string;
  cpPlanId: string | null;
  dueDate: string | null;
  date: string | null;
  continuePlan: boolean | null;
  participation: string | null;
}

export interface CareEpisodeValue {
  id: string;
  periodOfCareId: string | null;
  startDate: string;
  startReason: string | null;
  legalStatus: string | null;
  needCode: string | null;
  ceasedDate: string | null;
  ceasedReason: string | null;
  enteredCareDate: string | null;
  lastIroContactDate: string | null;
}

export interface LegalStatusValue {
  id: string;
  code: string | null;
  startDate: string;
  endDate: string | null;
}

export interface PlacementValue {
  id: string;
  periodOfCareId: string | null;
  type: string | null;
  urn: string | null;
  provider: string | null;
  postcode: string | null;
  distanceMiles: number | null;
  startDate: string;
  endDate: string | null;
  changeReason: string | null;
  longTerm: boolean | null;
  interim: boolean;
  intendedEndDate: string | null;
  awaitingLongTermPlacement: boolean | null;
  lastPanelReviewDate: string | null;
  /** Resolved to a ResidentialUnit by the schema, only when asked for. */
  residentialUnitId: string | null;
}

export interface LookedAfterReviewValue {
  id: string;
  periodOfCareId: string;
  dueDate: string | null;
  date: string | null;
  cancelled: boolean | null;
  participation: string | null;
}

export interface HealthAssessmentValue {
  id: string;
  type: string | null;
  date: string | null;
  status: string | null;
}

export interface CarePlanHealthValue {
  gpName: string | null;
  gpPracticeCode: string | null;
  conditions: string[];
  medications: string[];
  allergies: string[];
}

export interface CarePlanValue {
  id: string;
  startDate: string | null;
  endDate: string | null;
  permanencePlan: string | null;
  lastReviewedDate: string | null;
  health: CarePlanHealthValue | null;
}

export interface PlacementPlanValue {
  id: string;
  placementId: string | null;
  date: string | null;
}

export interface MissingEpisodeValue {
  id: string;
  type: string | null;
  startDate: string;
  endDate: string | null;
  returnInterviewOffered: boolean | null;
  returnInterviewAccepted: boolean | null;
  returnInterviewDate: string | null;
  reviewRequested: boolean | null;
}

export interface CareLeaverValue {
  eligibility: string | null;
  inTouch: string | null;
  accommodation: string | null;
  accommodationSuitable: string | null;
  activity: string | null;
  latestContact: string | null;
  needsAssessmentDate: string | null;
  pathwayPlanDate: string | null;
  pathwayPlanReviewDate: string | null;
  personalAdviser: PractitionerValue | null;
}

export interface PlacementReferralValue {
  id: string;
  date: string;
  assessmentId: string | null;
  /** When the assessment the referral relied on was authorised (null if unknown or never authorised). */
  assessmentAuthorisedDate: string | null;
  summary: string | null;
  risks: string[] | null;
  diagnoses: string[] | null;
  medications: string[] | null;
  ehcpStatus: string | null;
  missingHistory: boolean | null;
  resultingPlacementId: string | null;
}

export interface PlacementAssessmentValue {
  id: string;
  placementId: string | null;
  residentialUnitId: string | null;
  date: string | null;
  kind: string | null;
  risksConsidered: string[] | null;
  addressesExistingResidents: boolean | null;
}

export interface MeetingValue {
  id: string;
  date: string;
  type: string | null;
  statutory: boolean | null;
  purpose: string | null;
  placementId: string | null;
  requiredAttendees: string[] | null;
  actualAttendees: string[] | null;
  minutesRecipients: string[] | null;
  updatedRiskAssessment: boolean | null;
}

export interface PlacementNotificationValue {
  id: string;
  placementId: string | null;
  recipient: string | null;
  date: string | null;
}

export interface CoresidentNotificationValue {
  id: string;
  placementId: string | null;
  residentialUnitId: string | null;
  aboutPersonId: string | null;
  notified: PractitionerValue | null;
  date: string | null;
}

export interface SocialCareSectionValue {
  personIds: string[];
  sealedReason: string | null;
  status: StatusValue;
  sendFlag: boolean | null;
  disabilities: string[];
  referrals: ReferralValue[];
  assessments: AssessmentValue[];
  childInNeedPlans: ChildInNeedPlanValue[];
  visits: VisitValue[];
  s47Enquiries: S47EnquiryValue[];
  initialConferences: InitialConferenceValue[];
  childProtectionPlans: ChildProtectionPlanValue[];
  childProtectionReviews: ChildProtectionReviewValue[];
  careEpisodes: CareEpisodeValue[];
  legalStatuses: LegalStatusValue[];
  placements: PlacementValue[];
  currentPlacement: PlacementValue | null;
  lookedAfterReviews: LookedAfterReviewValue[];
  healthAssessments: HealthAssessmentValue[];
  carePlans: CarePlanValue[];
  placementPlans: PlacementPlanValue[];
  missingEpisodes: MissingEpisodeValue[];
  careLeaver: CareLeaverValue | null;
  placementReferrals: PlacementReferralValue[];
  placementAssessments: PlacementAssessmentValue[];
  meetings: MeetingValue[];
  placementNotifications: PlacementNotificationValue[];
  coresidentNotifications: CoresidentNotificationValue[];
}
