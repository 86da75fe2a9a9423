/**
 * The synthetic population every agency simulator serves.
 *
 * One `Population` holds what each agency system *records* about each child, with the disagreements real
 * systems have (misspelt names, transposed dates of birth, missing NHS numbers, duplicates inside one agency).
 * `truthKey` on every agency record says which real person it belongs to; it is written to the ground-truth
 * file for tests and is NEVER served by any simulator API.
 *
 * Dates are ISO strings: `IsoDate` = 'YYYY-MM-DD', `IsoDateTime` = 'YYYY-MM-DDTHH:mm:ss.sssZ'.
 * Codes follow the standards named in docs/data-standards.md (SSD / SSDA903 / CIN census codes for social
 * care, SNOMED CT and dm+d for health, school census for education, CLD for adult services).
 */

export type IsoDate = string;
export type IsoDateTime = string;
export type Sex = 'M' | 'F' | 'U';

export interface Population {
  seed: number;
  /** The population's "today": every generated date is relative to it, so a seed always gives the same data. */
  asOf: IsoDateTime;
  /** The real people. Not served; used for the ground-truth file. */
  people: PersonTruth[];
  professionals: Professional[];
  organisations: Organisation[];
  residentialUnits: ResidentialUnit[];
  socialCare: SocialCareRecord[];
  gp: GpRecord[];
  education: EducationRecord[];
  adult: AdultRecord[];
}

/** The real person behind the agency records: ground truth only. */
export interface PersonTruth {
  truthKey: string;
  givenName: string;
  familyName: string;
  sex: Sex;
  dateOfBirth: IsoDate;
  postcode: string;
  /** Valid NHS number from the 999 test range, or null where the child has none. */
  nhsNumber: string | null;
  /** Valid UPN with correct check letter, or null. */
  upn: string | null;
  /** Scenario id this person came from, if any (e.g. 'learning-review/child-a'). */
  scenario?: string;
  /** Added: rule ids (statutory-rules.md) a scenario expects the hub to raise for this child; scenario people only. */
  expectedFindings?: string[];
  /**
   * Added: the deliberate disagreements between an agency record and this truth (typo'd identifiers, transposed
   * dates of birth, duplicates ...), so identity-matching tests know which conflicts the hub should find.
   */
  recordedDifferences?: RecordedDifference[];
}

/** Added: one deliberate way an agency record differs from the truth. */
export interface RecordedDifference {
  agency: AgencyCode;
  /** The record's local id (personId / patientId / pupilId). */
  localId: string;
  kind:
    | 'NHS_NUMBER_MISSING'
    | 'NHS_NUMBER_INVALID'
    | 'UPN_MISSING'
    | 'UPN_INVALID'
    | 'NAME_MISSPELT'
    | 'NICKNAME'
    | 'SURNAME_FORM'
    | 'DATE_OF_BIRTH_TRANSPOSED'
    | 'POSTCODE_OUT_OF_DATE'
    | 'DUPLICATE_RECORD';
}

/** How one agency record describes the person: may disagree with the truth and with other agencies. */
export interface RecordedIdentity {
  givenName: string;
  familyName: string;
  sex: Sex;
  dateOfBirth: IsoDate;
  postcode: string | null;
  addressLine: string | null;
  nhsNumber: string | null;
  upn: string | null;
}

export type AgencyCode = 'social-care' | 'gp' | 'education' | 'adult';

export interface Professional {
  id: string;
  agency: AgencyCode;
  name: string;
  role:
    | 'SOCIAL_WORKER'
    | 'TEAM_MANAGER'
    | 'IRO'
    | 'PERSONAL_ADVISER'
    | 'GP'
    | 'PRACTICE_NURSE'
    | 'LAC_NURSE'
    | 'SENCO'
    | 'DESIGNATED_TEACHER'
    | 'VIRTUAL_SCHOOL_HEAD'
    | 'TRANSITION_WORKER'
    | 'HOME_MANAGER';
  organisationId: string;
  email: string;
  phone: string;
  /** Social Work England registration number, for social workers and IROs. */
  registrationNumber?: string;
  team?: string;
}

export interface Organisation {
  id: string;
  kind: 'LOCAL_AUTHORITY' | 'GP_PRACTICE' | 'SCHOOL' | 'ICB' | 'CHILDRENS_HOME_PROVIDER' | 'ADULT_SERVICES';
  name: string;
  /** ODS code (GP practices, ICBs) or URN (schools). */
  code: string;
  postcode: string;
  /** Added: schools' four-digit DfE establishment number (characters 5–8 of their pupils' UPNs). */
  establishmentNumber?: string;
}

export interface ResidentialUnit {
  id: string;
  /** Ofsted URN of the children's home. */
  urn: string;
  name: string;
  providerCode: 'PR0' | 'PR1' | 'PR2' | 'PR3' | 'PR4' | 'PR5';
  postcode: string;
  capacity: number;
  managerProfessionalId: string;
}

// ───────────────────────── children's social care (served as SSD tables + local extension) ─────────────────────────

export interface SocialCareRecord {
  truthKey: string;
  /** ssd_person.pers_person_id */
  personId: string;
  identity: RecordedIdentity;
  sendFlag: boolean;
  disabilityCodes: string[];
  /** Sealed records hide address, placement and GP details from most roles in the hub. */
  sealed: 'ADOPTION' | 'RESTRICTED_ADDRESS' | null;
  cinEpisodes: CinEpisode[];
  assessments: CinAssessment[];
  s47Enquiries: S47Enquiry[];
  cpPlans: CpPlan[];
  cpReviews: Review[];
  claEpisodes: ClaEpisode[];
  placements: Placement[];
  claReviews: Review[];
  healthAssessments: HealthAssessment[];
  carePlans: CarePlan[];
  placementPlans: PlacementPlan[];
  visits: Visit[];
  missingEpisodes: MissingEpisode[];
  careLeaver: CareLeaver | null;
  involvements: Involvement[];
  // Local extension (not in the SSD; see docs/data-standards.md)
  placementReferrals: PlacementReferral[];
  matchingAssessments: MatchingAssessment[];
  meetings: Meeting[];
  placementNotifications: PlacementNotification[];
  coresidentNotifications: CoresidentNotification[];
}

export interface CinEpisode {
  referralId: string;
  referralDate: IsoDateTime;
  /** N0–N9 */
  primaryNeed: string;
  closeDate: IsoDateTime | null;
  /** RC1–RC9 */
  closeReason: string | null;
  workerId: string;
}

export interface CinAssessment {
  id: string;
  referralId: string;
  startDate: IsoDateTime;
  childSeenDate: IsoDateTime | null;
  /** Authorisation (completion) date; null while in progress. */
  authorisedDate: IsoDateTime | null;
  /** CIN census assessment factor codes, e.g. '10A' missing, '11A' CSE, '15A' self-harm, '24A' CCE. */
  factors: string[];
  workerId: string;
}

export interface S47Enquiry {
  id: string;
  referralId: string;
  /** Strategy discussion date (s47 start). */
  startDate: IsoDateTime;
  endDate: IsoDateTime | null;
  outcome: 'NFA' | 'ICPC' | 'CIN' | null;
  icpc: {
    id: string;
    targetDate: IsoDateTime;
    date: IsoDateTime | null;
    outcome: 'CP_PLAN' | 'NO_PLAN' | null;
  } | null;
}

export interface CpPlan {
  id: string;
  startDate: IsoDateTime;
  endDate: IsoDateTime | null;
  /** NEG, PHY, SAB, EMO, MUL */
  category: string;
}

export interface Review {
  id: string;
  dueDate: IsoDateTime;
  date: IsoDateTime | null;
  /** PN0–PN7; PN7 = child conveyed no views. */
  participation: string | null;
}

export interface ClaEpisode {
  /** ssd_cla_episodes.clae_cla_episode_id */
  id: string;
  /** Period of care id (clae_cla_id): episodes in one period share it. */
  periodId: string;
  startDate: IsoDateTime;
  /** S, L, P, T, B, U */
  startReason: string;
  /** Legal status: C2 (s31), J? etc.; V2 for s20 */
  legalStatus: string;
  /** N1–N9 category of need */
  needCode: string;
  ceasedDate: IsoDateTime | null;
  ceasedReason: string | null;
  /** Date the child first entered care in this period. */
  enteredCareDate: IsoDateTime;
  lastIroContactDate: IsoDateTime | null;
}

export interface Placement {
  id: string;
  claEpisodeId: string;
  startDate: IsoDateTime;
  endDate: IsoDateTime | null;
  /** K2 children's home, U1–U6 foster, H5 semi-independent, P2 ... */
  type: string;
  /** Ofsted URN of the setting (for K2: the residential unit's URN). */
  urn: string | null;
  residentialUnitId: string | null;
  providerCode: 'PR0' | 'PR1' | 'PR2' | 'PR3' | 'PR4' | 'PR5';
  postcode: string;
  distanceMiles: number;
  /** SSDA903 reason for change (e.g. 'CARPL' breakdown-related codes); null while current. */
  changeReason: string | null;
  /** Interim placements: the date it was meant to end. Null for a long-term placement. */
  intendedEndDate: IsoDateTime | null;
  isLongTerm: boolean;
  /** The child is waiting for a long-term placement while here. */
  awaitingLongTermPlacement: boolean;
  lastPanelReviewDate: IsoDateTime | null;
}

export interface HealthAssessment {
  id: string;
  type: 'IHA' | 'RHA' | 'DENTAL' | 'SDQ';
  date: IsoDateTime;
  status: 'COMPLETED' | 'REFUSED' | 'OUTSTANDING';
}

export interface CarePlan {
  id: string;
  startDate: IsoDateTime;
  lastReviewedDate: IsoDateTime | null;
  permanencePlan: string;
  /** What the care plan's health section records (the review found GP information missing here). */
  health: {
    gpName: string | null;
    gpPracticeCode: string | null;
    conditions: string[];
    medications: string[];
    allergies: string[];
  };
}

export interface PlacementPlan {
  id: string;
  placementId: string;
  date: IsoDateTime;
}

export interface Visit {
  id: string;
  date: IsoDateTime;
  kind: 'CLA' | 'CP' | 'CIN';
  childSeen: boolean;
  workerId: string;
}

export interface MissingEpisode {
  id: string;
  startDate: IsoDateTime;
  endDate: IsoDateTime | null;
  /** M missing, A away from placement without authorisation */
  type: 'M' | 'A';
  rhiOffered: boolean | null;
  rhiAccepted: boolean | null;
  rhiDate: IsoDateTime | null;
  /** For children's home residents: whether a review under CHR reg 14(2)(e) was requested. */
  reviewRequested: boolean;
}

export interface CareLeaver {
  eligibility: 'Relevant' | 'Former Relevant' | 'Eligible' | 'Qualifying';
  inTouch: string;
  accommodation: string;
  activity: string;
  needsAssessmentDate: IsoDateTime | null;
  pathwayPlanDate: IsoDateTime | null;
  pathwayPlanReviewDate: IsoDateTime | null;
  personalAdviserId: string | null;
  workerId: string | null;
}

export interface Involvement {
  id: string;
  professionalId: string;
  role: 'SOCIAL_WORKER' | 'TEAM_MANAGER' | 'IRO' | 'PERSONAL_ADVISER';
  team: string;
  startDate: IsoDateTime;
  endDate: IsoDateTime | null;
}

export interface PlacementReferral {
  id: string;
  date: IsoDateTime;
  /** Assessment the referral relied on. */
  assessmentId: string | null;
  /** What the referral said about the child. */
  content: {
    summary: string;
    risks: string[];
    diagnoses: string[];
    medications: string[];
    ehcpStatus: 'NONE' | 'REQUESTED' | 'IN_ASSESSMENT' | 'ISSUED' | 'UNKNOWN';
    missingHistory: boolean;
  };
  resultingPlacementId: string | null;
}

export interface MatchingAssessment {
  id: string;
  placementId: string;
  residentialUnitId: string | null;
  date: IsoDateTime;
  kind: 'RISK' | 'MATCHING' | 'IMPACT_ON_RESIDENTS';
  risksConsidered: string[];
  /** Whether the assessment addresses the existing residents. */
  addressesExistingResidents: boolean;
}

export interface Meeting {
  id: string;
  date: IsoDateTime;
  /** e.g. PLACEMENT_PLANNING, STRATEGY, CARE_PLANNING, LAC_REVIEW, PROFESSIONALS; null where not recorded. */
  type: string | null;
  statutory: boolean | null;
  purpose: string | null;
  placementId: string | null;
  requiredAttendees: string[] | null;
  actualAttendees: string[];
  minutesRecipients: string[] | null;
  /** Whether the meeting updated the risk and matching assessment. */
  updatedRiskAssessment: boolean;
}

export interface PlacementNotification {
  id: string;
  placementId: string;
  recipient: 'GP' | 'SCHOOL' | 'ICB' | 'IRO';
  date: IsoDateTime;
}

/** Notice to the social worker / IRO of an existing resident that a new child was admitted to the unit. */
export interface CoresidentNotification {
  id: string;
  /** The new admission's placement. */
  placementId: string;
  residentialUnitId: string;
  notifiedProfessionalId: string;
  aboutPersonId: string;
  date: IsoDateTime;
}

// ───────────────────────── GP system (served as FHIR R4) ─────────────────────────

export interface GpRecord {
  truthKey: string;
  /** FHIR Patient.id */
  patientId: string;
  identity: RecordedIdentity;
  practiceId: string;
  gpProfessionalId: string;
  registeredSince: IsoDate;
  conditions: Array<{
    id: string;
    snomed: string;
    display: string;
    onset: IsoDate;
    clinicalStatus: 'active' | 'resolved' | 'inactive';
    sensitive: 'SEXUAL_HEALTH' | 'MENTAL_HEALTH' | null;
  }>;
  medications: Array<{
    id: string;
    dmd: string;
    display: string;
    start: IsoDate;
    status: 'active' | 'completed' | 'stopped';
  }>;
  allergies: Array<{
    id: string;
    snomed: string;
    display: string;
    recorded: IsoDate;
    criticality: 'low' | 'high';
  }>;
  immunizations: Array<{ id: string; snomed: string; display: string; date: IsoDate }>;
  encounters: Array<{
    id: string;
    /** AMB GP appointment, EMER A&E attendance, IMP admission */
    class: 'AMB' | 'EMER' | 'IMP';
    snomed: string;
    display: string;
    start: IsoDateTime;
    end: IsoDateTime | null;
    reason: string | null;
  }>;
  observations: Array<{
    id: string;
    loinc: string;
    display: string;
    date: IsoDateTime;
    value: number;
    unit: string;
  }>;
}

// ───────────────────────── education / SEND ─────────────────────────

export interface EducationRecord {
  truthKey: string;
  /** The education system's own pupil id. */
  pupilId: string;
  identity: RecordedIdentity;
  enrolments: Array<{ schoolUrn: string; yearGroup: string; from: IsoDate; to: IsoDate | null }>;
  attendance: Array<{
    academicYear: string;
    term: 'AUTUMN' | 'SPRING' | 'SUMMER';
    possibleSessions: number;
    attendedSessions: number;
  }>;
  exclusions: Array<{
    id: string;
    date: IsoDate;
    kind: 'SUSPENSION' | 'PERMANENT';
    sessions: number;
    reason: string;
    schoolUrn: string;
  }>;
  /** School census SEN provision: N none, K SEN support, E EHCP */
  senProvision: 'N' | 'K' | 'E';
  senNeeds: string[];
  ehc: EhcTimeline | null;
  peps: Array<{
    id: string;
    date: IsoDate;
    reviewedDate: IsoDate | null;
    designatedTeacherId: string | null;
  }>;
  sencoId: string | null;
  designatedTeacherId: string | null;
  virtualSchoolHeadId: string | null;
}

export interface EhcTimeline {
  id: string;
  requestDate: IsoDate;
  /** Decision whether to assess (SEN2 outcome codes Y/N/A/W/H). */
  decisionDate: IsoDate | null;
  decisionOutcome: 'Y' | 'N' | 'A' | 'W' | 'H' | null;
  finalPlanDate: IsoDate | null;
  annualReviews: Array<{ id: string; date: IsoDate; pfaOutcomes: boolean }>;
  status: 'REQUESTED' | 'ASSESSING' | 'ISSUED' | 'REFUSED' | 'CEASED';
}

// ───────────────────────── adult social care (modelled on CLD) ─────────────────────────

export interface AdultRecord {
  truthKey: string;
  /** Adult services' own person id. */
  personId: string;
  identity: RecordedIdentity;
  transitionReferrals: Array<{ id: string; date: IsoDate; source: string; reason: string }>;
  s58Assessments: Array<{
    id: string;
    referralDate: IsoDate;
    assessmentDate: IsoDate | null;
    outcome: 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'PENDING';
  }>;
  pathwayPlans: Array<{
    id: string;
    needsAssessmentDate: IsoDate | null;
    planDate: IsoDate | null;
    personalAdviserId: string | null;
  }>;
  transitionWorkerId: string | null;
  /** CLD-style dated events (request, assessment, review, service). */
  events: Array<{
    id: string;
    date: IsoDate;
    kind: 'REQUEST' | 'ASSESSMENT' | 'REVIEW' | 'SERVICE';
    detail: string;
  }>;
}
