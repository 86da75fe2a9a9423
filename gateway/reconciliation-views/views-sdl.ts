/** The reconciliation views subschema's SDL: plans and referral audits on each child, the tracker, one audit. */
import { PLAN_KINDS, PLAN_STATUSES } from '../../jobs/views/index.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import { planItemTypeDefs } from './plan-types.js';

export const viewsTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  enum PlanKind {
    ${PLAN_KINDS.join('\n    ')}
  }

  enum PlanStatus {
    ${PLAN_STATUSES.join('\n    ')}
  }

  "Where a due date's timescale comes from: LAW, STATUTORY_GUIDANCE, LOCAL_POLICY or LEARNING_REVIEW, and the text."
  type DueSource {
    kind: String!
    citation: String!
  }

  type StatutoryDue {
    "What falls due, e.g. the next looked-after review, where the care plan is reviewed."
    what: String!
    "Null when it could not be worked out (see undecided)."
    date: Date
    "The date has passed with nothing recorded; the rule's finding opens the day after the due date."
    overdue: Boolean!
    "The reconciliation rule that checks this timescale (statutory-rules.md), where one does."
    rule: String
    source: DueSource!
    "Why the date could not be worked out: OUTSIDE_CALENDAR, NO_DATE_OF_BIRTH, MISSING_DATA, AGENCY_UNAVAILABLE."
    undecided: String
  }

  type PlanOwner {
    "The role that must act (SOCIAL_WORKER, SENCO, VIRTUAL_SCHOOL_HEAD, TRANSITION_WORKER...)."
    role: String!
    "The practitioner the agency records on the plan, where it does."
    name: String
    "Their work e-mail: from the plan, or the hub's record of who holds the role for this child."
    person: String
  }

  "A record a plan belongs to: PLACEMENT, PERIOD_OF_CARE, REFERRAL or EHC_NEEDS_ASSESSMENT, by the agency's id."
  type PlanLink {
    kind: String!
    id: String!
  }

  ${planItemTypeDefs()}

  type ChildPlans {
    "Every current plan and assessment you may see: overdue first, then by due date, then those with no timescale."
    items: [PlanItem!]!
    "Agencies whose part could not be read: their plans are unknown, not absent."
    notRead: [SourceStatus!]!
  }

  enum ReferralAssessmentProblem {
    NONE
    NO_ASSESSMENT
    NOT_AUTHORISED
    OUT_OF_DATE
  }

  type ReferralAssessmentCheck {
    problem: ReferralAssessmentProblem!
    assessmentId: ID
    authorisedDate: Date
    ageAtReferralDays: Int
    ageTodayDays: Int
    "The local threshold (RULE_STALE_ASSESSMENT_MONTHS) the age is judged against."
    thresholdMonths: Int!
    "A newer assessment authorised before the referral, which it could have relied on."
    newerAssessmentId: ID
  }

  enum ReferralOmissionKind {
    RISK
    MISSING_HISTORY
    DIAGNOSIS
    MEDICATION
    EHC_PLAN
    EHC_NEEDS_ASSESSMENT
  }

  "Something another record shows that the referral does not."
  type ReferralOmission {
    kind: ReferralOmissionKind!
    agency: Agency!
    recordId: String
    "A risk's label, the GP's name for a diagnosis or medicine, a count of missing episodes, an EHC status."
    what: String!
    recordedOn: Date
    "Recorded when the referral was made (a lapse in the referral), or only since (the referral is out of date)."
    knownAtReferral: Boolean!
  }

  "A placement referral compared with what every agency records now."
  type ReferralAudit {
    referralId: ID! @category(name: PLACEMENT)
    date: Date! @category(name: PLACEMENT)
    resultingPlacementId: ID @category(name: PLACEMENT)
    assessment: ReferralAssessmentCheck! @category(name: PLACEMENT)
    "Risks and missing history (CIN factors, missing episodes) the referral leaves out."
    omittedRisks: [ReferralOmission!]! @category(name: EXPLOITATION_RISK)
    "General health diagnoses and medicines the GP records that the referral leaves out."
    omittedHealth: [ReferralOmission!]! @category(name: HEALTH)
    "Mental health diagnoses and medicines the GP records that the referral leaves out."
    omittedMentalHealth: [ReferralOmission!]! @category(name: MENTAL_HEALTH)
    "An EHC plan, or an EHC needs assessment under way, that the referral does not give."
    omittedSend: [ReferralOmission!]! @category(name: SEND)
    "Agencies that could not be read, so were not compared (only those whose data you may see)."
    notCompared: [SourceStatus!]!
    child: Child!
  }

  type TrackedPlacement {
    id: ID!
    "The SSD placement type (e.g. K2 children's home, U4 foster placement)."
    type: String
    provider: String
    startDate: Date!
    interim: Boolean!
    longTerm: Boolean
    awaitingLongTermPlacement: Boolean
    intendedEndDate: Date
  }

  type TrackerFinding {
    id: ID!
    rule: String!
    "HIGH, MEDIUM or LOW."
    severity: String!
    category: DataCategory!
    "OPEN or ACKNOWLEDGED."
    status: String!
    dueDate: Date
  }

  "A child waiting for a long-term placement, or in an interim placement past its intended end."
  type PlacementTrackerEntry {
    child: Child!
    placement: TrackedPlacement! @category(name: PLACEMENT)
    waitingSince: Date! @category(name: PLACEMENT)
    daysWaiting: Int! @category(name: PLACEMENT)
    "The tracking panel's threshold (RULE_LONG_WAIT_DAYS), as LONG_WAIT_FOR_PLACEMENT uses it."
    thresholdDays: Int! @category(name: PLACEMENT)
    overThreshold: Boolean! @category(name: PLACEMENT)
    pastIntendedEnd: Boolean! @category(name: PLACEMENT)
    daysPastIntendedEnd: Int @category(name: PLACEMENT)
    lastPanelReviewDate: Date @category(name: PLACEMENT)
    daysSincePanelReview: Int @category(name: PLACEMENT)
    "Open and acknowledged findings, most severe first; each only if you may see its category."
    openFindings: [TrackerFinding!]! @category(name: PLACEMENT)
  }

  type PlacementTracker {
    asOf: DateTime!
    "Longest wait first."
    entries: [PlacementTrackerEntry!]!
    "Children whose social care record could not be read, or holds a placement date that is not a date."
    undecided: [Child!]!
  }

  type Child {
    id: ID!
    "Every current assessment and plan across the agencies, with its next statutory due date."
    plans: ChildPlans
    "Each placement referral compared with what the agencies record now, latest first."
    referralAudits: [ReferralAudit!] @category(name: PLACEMENT)
  }

  type Query {
    "The tracking panel: children you may see who wait for a long-term placement at least this many days."
    placementTracker(minDaysWaiting: Int = 0): PlacementTracker!
    "One placement referral's audit, if it is about a child you may see."
    referralAudit(referralId: ID!): ReferralAudit
    _viewsChildren(ids: [ID!]!): [Child]!
  }
`;
