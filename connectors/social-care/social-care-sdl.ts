/**
 * The social care subschema's SDL: `Child` merged on `socialCarePersonIds`, the `socialCare` section read from the
 * council's Standard Safeguarding Dataset and its local extension, and residential units with their residents.
 * Every field carrying child data declares its category; sensitive detail gets the narrower one.
 */
import { sharedTypeDefs } from '../../schema/shared-sdl.js';

export const socialCareTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  "What the child is to children's services now, across every linked record."
  type SocialCareStatus {
    "An open period of care (a CLA episode not ceased)."
    lookedAfter: Boolean! @category(name: SOCIAL_CARE)
    "An open referral (CIN episode) not closed with no further action."
    childInNeed: Boolean! @category(name: SOCIAL_CARE)
    "An open child protection plan."
    childProtectionPlan: Boolean! @category(name: SOCIAL_CARE)
    "The legal status in force while looked after (SSDA903 code, e.g. C2 care order, V2 section 20)."
    legalStatus: String @category(name: SOCIAL_CARE)
    careLeaver: Boolean! @category(name: SOCIAL_CARE)
  }

  "A referral to children's social care (an SSD CIN episode)."
  type SocialCareReferral {
    id: ID! @category(name: SOCIAL_CARE)
    date: DateTime! @category(name: SOCIAL_CARE)
    "CIN primary need code, N0–N9."
    primaryNeed: String @category(name: SOCIAL_CARE)
    source: String @category(name: SOCIAL_CARE)
    noFurtherAction: Boolean @category(name: SOCIAL_CARE)
    closedDate: DateTime @category(name: SOCIAL_CARE)
    "CIN closure reason, RC1–RC9."
    closeReason: String @category(name: SOCIAL_CARE)
  }

  type ChildAndFamilyAssessment {
    id: ID! @category(name: SOCIAL_CARE)
    referralId: ID @category(name: SOCIAL_CARE)
    startDate: DateTime! @category(name: SOCIAL_CARE)
    childSeen: Boolean @category(name: SOCIAL_CARE)
    "When the assessment was authorised (completed); null while in progress."
    authorisedDate: DateTime @category(name: SOCIAL_CARE)
    noFurtherAction: Boolean @category(name: SOCIAL_CARE)
    "CIN census assessment factor codes, e.g. 10A missing, 11A child sexual exploitation, 13A gangs, 24A criminal exploitation."
    factors: [String!]! @category(name: EXPLOITATION_RISK)
  }

  type ChildInNeedPlan {
    id: ID! @category(name: SOCIAL_CARE)
    referralId: ID @category(name: SOCIAL_CARE)
    startDate: DateTime! @category(name: SOCIAL_CARE)
    endDate: DateTime @category(name: SOCIAL_CARE)
  }

  enum SocialCareVisitKind {
    CHILD_IN_NEED
    CHILD_PROTECTION
    LOOKED_AFTER
  }

  "A statutory visit to the child."
  type SocialCareVisit {
    id: ID! @category(name: SOCIAL_CARE)
    kind: SocialCareVisitKind! @category(name: SOCIAL_CARE)
    date: DateTime! @category(name: SOCIAL_CARE)
    childSeen: Boolean @category(name: SOCIAL_CARE)
    childSeenAlone: Boolean @category(name: SOCIAL_CARE)
  }

  "A section 47 enquiry; it starts with the strategy discussion."
  type S47Enquiry {
    id: ID! @category(name: CHILD_PROTECTION)
    referralId: ID @category(name: CHILD_PROTECTION)
    strategyDiscussionDate: DateTime! @category(name: CHILD_PROTECTION)
    endDate: DateTime @category(name: CHILD_PROTECTION)
    noFurtherAction: Boolean @category(name: CHILD_PROTECTION)
    "The outcomes recorded, e.g. NFA, CP_CONFERENCE, CIN_PLAN."
    outcomes: [String!]! @category(name: CHILD_PROTECTION)
  }

  type InitialChildProtectionConference {
    id: ID! @category(name: CHILD_PROTECTION)
    s47EnquiryId: ID @category(name: CHILD_PROTECTION)
    "15 working days after the strategy discussion."
    targetDate: DateTime @category(name: CHILD_PROTECTION)
    "Null until held."
    date: DateTime @category(name: CHILD_PROTECTION)
    transferIn: Boolean @category(name: CHILD_PROTECTION)
    resultedInPlan: Boolean @category(name: CHILD_PROTECTION)
    cpPlanId: ID @category(name: CHILD_PROTECTION)
  }

  type ChildProtectionPlan {
    id: ID! @category(name: CHILD_PROTECTION)
    startDate: DateTime! @category(name: CHILD_PROTECTION)
    endDate: DateTime @category(name: CHILD_PROTECTION)
    "Category of abuse: NEG, PHY, SAB, EMO or MUL."
    initialCategory: String @category(name: CHILD_PROTECTION)
    latestCategory: String @category(name: CHILD_PROTECTION)
    initialConferenceId: ID @category(name: CHILD_PROTECTION)
  }

  type ChildProtectionReview {
    id: ID! @category(name: CHILD_PROTECTION)
    cpPlanId: ID @category(name: CHILD_PROTECTION)
    dueDate: DateTime @category(name: CHILD_PROTECTION)
    date: DateTime @category(name: CHILD_PROTECTION)
    continuePlan: Boolean @category(name: CHILD_PROTECTION)
    "How the child took part, PN0–PN7 (PN7: conveyed no views)."
    participation: String @category(name: CHILD_PROTECTION)
  }

  "A CLA episode: one stretch of a period of care with one placement and legal status."
  type CareEpisode {
    id: ID! @category(name: LOOKED_AFTER)
    "Episodes of one period of care share it."
    periodOfCareId: ID @category(name: LOOKED_AFTER)
    startDate: DateTime! @category(name: LOOKED_AFTER)
    "SSDA903 reason for new episode: S, L, P, T, B, U."
    startReason: String @category(name: LOOKED_AFTER)
    "The legal status in force when the episode began."
    legalStatus: String @category(name: LOOKED_AFTER)
    needCode: String @category(name: LOOKED_AFTER)
    ceasedDate: DateTime @category(name: LOOKED_AFTER)
    ceasedReason: String @category(name: LOOKED_AFTER)
    enteredCareDate: DateTime @category(name: LOOKED_AFTER)
    lastIroContactDate: DateTime @category(name: LOOKED_AFTER)
  }

  type LegalStatus {
    id: ID! @category(name: LOOKED_AFTER)
    code: String @category(name: LOOKED_AFTER)
    startDate: DateTime! @category(name: LOOKED_AFTER)
    endDate: DateTime @category(name: LOOKED_AFTER)
  }

  "A children's home the council places in."
  type ResidentialUnit {
    id: ID! @category(name: PLACEMENT)
    "Ofsted URN."
    urn: String @category(name: PLACEMENT)
    name: String @category(name: PLACEMENT)
    "SSDA903 provider code."
    provider: String @category(name: PLACEMENT)
    postcode: String @category(name: PLACEMENT)
    capacity: Int @category(name: PLACEMENT)
    "The children placed there at \`at\` (default: when read)."
    residents(at: DateTime): [Child!]! @category(name: PLACEMENT)
  }

  type Placement {
    id: ID! @category(name: PLACEMENT)
    periodOfCareId: ID @category(name: PLACEMENT)
    "SSDA903 placement type, e.g. K2 children's home, U1–U6 foster care."
    type: String @category(name: PLACEMENT)
    "Ofsted URN of the setting."
    urn: String @category(name: PLACEMENT)
    provider: String @category(name: PLACEMENT)
    postcode: String @category(name: ADDRESS)
    distanceMiles: Float @category(name: PLACEMENT)
    startDate: DateTime! @category(name: PLACEMENT)
    endDate: DateTime @category(name: PLACEMENT)
    "SSDA903 reason for placement change."
    changeReason: String @category(name: PLACEMENT)
    longTerm: Boolean @category(name: PLACEMENT)
    "An interim placement: one with a date it was meant to end by."
    interim: Boolean! @category(name: PLACEMENT)
    intendedEndDate: DateTime @category(name: PLACEMENT)
    awaitingLongTermPlacement: Boolean @category(name: PLACEMENT)
    "The tracking panel's last review of the wait for a long-term placement."
    lastPanelReviewDate: DateTime @category(name: PLACEMENT)
    residentialUnit: ResidentialUnit @category(name: PLACEMENT)
  }

  type LookedAfterReview {
    id: ID! @category(name: LOOKED_AFTER)
    periodOfCareId: ID! @category(name: LOOKED_AFTER)
    dueDate: DateTime @category(name: LOOKED_AFTER)
    date: DateTime @category(name: LOOKED_AFTER)
    cancelled: Boolean @category(name: LOOKED_AFTER)
    "How the child took part, PN0–PN7 (PN7: conveyed no views)."
    participation: String @category(name: LOOKED_AFTER)
  }

  "A looked-after child's health assessment (IHA initial, RHA review, ...)."
  type LookedAfterHealthAssessment {
    id: ID! @category(name: HEALTH)
    type: String @category(name: HEALTH)
    date: DateTime @category(name: HEALTH)
    status: String @category(name: HEALTH)
  }

  "What the care plan's health section records (the review found GP information missing here)."
  type CarePlanHealth {
    gpName: String @category(name: GP_DETAILS)
    gpPracticeCode: String @category(name: GP_DETAILS)
    conditions: [String!]! @category(name: HEALTH)
    medications: [String!]! @category(name: HEALTH)
    allergies: [String!]! @category(name: HEALTH)
  }

  type CarePlan {
    id: ID! @category(name: LOOKED_AFTER)
    startDate: DateTime @category(name: LOOKED_AFTER)
    endDate: DateTime @category(name: LOOKED_AFTER)
    permanencePlan: String @category(name: LOOKED_AFTER)
    lastReviewedDate: DateTime @category(name: LOOKED_AFTER)
    "Null when the plan has no health section recorded."
    health: CarePlanHealth @category(name: HEALTH)
  }

  type PlacementPlan {
    id: ID! @category(name: PLACEMENT)
    placementId: ID @category(name: PLACEMENT)
    date: DateTime @category(name: PLACEMENT)
  }

  type MissingEpisode {
    id: ID! @category(name: EXPLOITATION_RISK)
    "M missing, A away from placement without authorisation."
    type: String @category(name: EXPLOITATION_RISK)
    startDate: DateTime! @category(name: EXPLOITATION_RISK)
    endDate: DateTime @category(name: EXPLOITATION_RISK)
    returnInterviewOffered: Boolean @category(name: EXPLOITATION_RISK)
    returnInterviewAccepted: Boolean @category(name: EXPLOITATION_RISK)
    returnInterviewDate: DateTime @category(name: EXPLOITATION_RISK)
    "Children's home residents: whether a review under CHR reg 14(2)(e) was requested."
    reviewRequested: Boolean @category(name: EXPLOITATION_RISK)
  }

  type CareLeaverStatus {
    "Relevant, Former Relevant, Eligible or Qualifying."
    eligibility: String @category(name: LOOKED_AFTER)
    inTouch: String @category(name: LOOKED_AFTER)
    accommodation: String @category(name: LOOKED_AFTER)
    accommodationSuitable: String @category(name: LOOKED_AFTER)
    activity: String @category(name: LOOKED_AFTER)
    latestContact: DateTime @category(name: LOOKED_AFTER)
    needsAssessmentDate: DateTime @category(name: LOOKED_AFTER)
    pathwayPlanDate: DateTime @category(name: LOOKED_AFTER)
    pathwayPlanReviewDate: DateTime @category(name: LOOKED_AFTER)
    personalAdviser: Practitioner @category(name: LOOKED_AFTER)
  }

  "A referral for a placement, and what it said about the child."
  type PlacementReferral {
    id: ID! @category(name: PLACEMENT)
    date: DateTime! @category(name: PLACEMENT)
    "The Child and Family Assessment the referral relied on."
    assessmentId: ID @category(name: PLACEMENT)
    assessmentAuthorisedDate: DateTime @category(name: PLACEMENT)
    summary: String @category(name: PLACEMENT)
    "Null when the referral does not say."
    risks: [String!] @category(name: EXPLOITATION_RISK)
    diagnoses: [String!] @category(name: HEALTH)
    medications: [String!] @category(name: HEALTH)
    "NONE, REQUESTED, IN_ASSESSMENT, ISSUED or UNKNOWN."
    ehcpStatus: String @category(name: SEND)
    missingHistory: Boolean @category(name: EXPLOITATION_RISK)
    resultingPlacementId: ID @category(name: PLACEMENT)
  }

  "A risk, matching or impact-on-residents assessment for a placement."
  type PlacementAssessment {
    id: ID! @category(name: PLACEMENT)
    placementId: ID @category(name: PLACEMENT)
    residentialUnitId: ID @category(name: PLACEMENT)
    date: DateTime @category(name: PLACEMENT)
    "RISK, MATCHING or IMPACT_ON_RESIDENTS."
    kind: String @category(name: PLACEMENT)
    risksConsidered: [String!] @category(name: EXPLOITATION_RISK)
    addressesExistingResidents: Boolean @category(name: PLACEMENT)
  }

  "A meeting about the child. Any field may be null: not recorded (itself a finding)."
  type SocialCareMeeting {
    id: ID! @category(name: SOCIAL_CARE)
    date: DateTime! @category(name: SOCIAL_CARE)
    "e.g. PLACEMENT_PLANNING, STRATEGY, CARE_PLANNING, LAC_REVIEW, PROFESSIONALS."
    type: String @category(name: SOCIAL_CARE)
    statutory: Boolean @category(name: SOCIAL_CARE)
    purpose: String @category(name: SOCIAL_CARE)
    placementId: ID @category(name: SOCIAL_CARE)
    requiredAttendees: [String!] @category(name: SOCIAL_CARE)
    actualAttendees: [String!] @category(name: SOCIAL_CARE)
    minutesRecipients: [String!] @category(name: SOCIAL_CARE)
    "Whether the meeting updated the risk and matching assessment."
    updatedRiskAssessment: Boolean @category(name: SOCIAL_CARE)
  }

  "A placement notified to the child's GP, school, ICB or IRO."
  type PlacementNotification {
    id: ID! @category(name: PLACEMENT)
    placementId: ID @category(name: PLACEMENT)
    "GP, SCHOOL, ICB or IRO."
    recipient: String @category(name: PLACEMENT)
    date: DateTime @category(name: PLACEMENT)
  }

  "Notice of this child's admission to the worker of a child already living in the home."
  type CoresidentNotification {
    id: ID! @category(name: PLACEMENT)
    placementId: ID @category(name: PLACEMENT)
    residentialUnitId: ID @category(name: PLACEMENT)
    "The existing resident's SSD person id."
    aboutPersonId: ID @category(name: PLACEMENT)
    notified: Practitioner @category(name: PLACEMENT)
    date: DateTime @category(name: PLACEMENT)
  }

  """
  What children's social care holds about the child (the council's SSD and its local extension), across every
  record linked to them. Lists are oldest first. Allocated workers are in socialCareTeam.
  """
  type SocialCareSection {
    "The SSD person ids this section was read from."
    personIds: [ID!]! @category(name: SOCIAL_CARE)
    "ADOPTION or RESTRICTED_ADDRESS when the record is sealed; null otherwise."
    sealedReason: String @category(name: SOCIAL_CARE)
    status: SocialCareStatus! @category(name: SOCIAL_CARE)
    sendFlag: Boolean @category(name: SEND)
    "SSD disability codes."
    disabilities: [String!]! @category(name: HEALTH)
    referrals: [SocialCareReferral!]! @category(name: SOCIAL_CARE)
    assessments: [ChildAndFamilyAssessment!]! @category(name: SOCIAL_CARE)
    childInNeedPlans: [ChildInNeedPlan!]! @category(name: SOCIAL_CARE)
    visits: [SocialCareVisit!]! @category(name: SOCIAL_CARE)
    s47Enquiries: [S47Enquiry!]! @category(name: CHILD_PROTECTION)
    initialConferences: [InitialChildProtectionConference!]! @category(name: CHILD_PROTECTION)
    childProtectionPlans: [ChildProtectionPlan!]! @category(name: CHILD_PROTECTION)
    childProtectionReviews: [ChildProtectionReview!]! @category(name: CHILD_PROTECTION)
    careEpisodes: [CareEpisode!]! @category(name: LOOKED_AFTER)
    legalStatuses: [LegalStatus!]! @category(name: LOOKED_AFTER)
    placements: [Placement!]! @category(name: PLACEMENT)
    "The latest started placement not ended."
    currentPlacement: Placement @category(name: PLACEMENT)
    lookedAfterReviews: [LookedAfterReview!]! @category(name: LOOKED_AFTER)
    healthAssessments: [LookedAfterHealthAssessment!]! @category(name: HEALTH)
    carePlans: [CarePlan!]! @category(name: LOOKED_AFTER)
    placementPlans: [PlacementPlan!]! @category(name: PLACEMENT)
    missingEpisodes: [MissingEpisode!]! @category(name: EXPLOITATION_RISK)
    careLeaver: CareLeaverStatus @category(name: LOOKED_AFTER)
    placementReferrals: [PlacementReferral!]! @category(name: PLACEMENT)
    placementAssessments: [PlacementAssessment!]! @category(name: PLACEMENT)
    meetings: [SocialCareMeeting!]! @category(name: SOCIAL_CARE)
    placementNotifications: [PlacementNotification!]! @category(name: PLACEMENT)
    coresidentNotifications: [CoresidentNotification!]! @category(name: PLACEMENT)
  }

  type Child {
    "The SSD person ids for this child (the merge key; empty when not known to social care)."
    socialCarePersonIds: [ID!]!
    "Null when the child is not known to social care or the system failed (see socialCareSource)."
    socialCare: SocialCareSection @category(name: SOCIAL_CARE)
    socialCareSource: SourceStatus!
    socialCareChronology: [ChronologyEvent!]
    "Allocated social worker, team manager, IRO and personal adviser (open involvements)."
    socialCareTeam: [Practitioner!] @category(name: SOCIAL_CARE)
  }

  type Query {
    "One Child per key (a list of SSD person ids), in the same order. For the gateway's merge."
    _socialCareChildren(keys: [[ID!]!]!): [Child]!
    residentialUnit(id: ID!): ResidentialUnit
    residentialUnits: [ResidentialUnit!]!
  }
`;
