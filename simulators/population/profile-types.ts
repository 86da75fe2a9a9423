/**
 * The generator's private picture of each child: the facts of their life (health, schooling, care history,
 * missing episodes) from which every agency's records are then written. Agencies see only what they would record;
 * this is what keeps their records consistent with each other where they should be.
 */
import type { AllergyKey, ConditionKey, MedicationKey } from './clinical-codes.js';
import type { DayNumber } from './dates.js';
import type { Organisation, PersonTruth, Professional, ResidentialUnit, Sex } from './model.js';
import type { School } from './organisations.js';
import type { Team } from './professionals.js';

/** Where the child stands with children's social care today. */
export type SocialCareStatus = 'NONE' | 'CLOSED' | 'CIN' | 'CP' | 'LAC' | 'CARE_LEFT';

export interface RiskFlags {
  missing: boolean;
  cse: boolean;
  cce: boolean;
  gangs: boolean;
  selfHarm: boolean;
  violence: boolean;
  harmfulSexualBehaviour: boolean;
}

export interface ConditionFact {
  key: ConditionKey;
  onset: DayNumber;
  resolved: DayNumber | null;
}

export interface MedicationFact {
  key: MedicationKey;
  start: DayNumber;
  end: DayNumber | null;
  status: 'active' | 'completed' | 'stopped';
}

export interface AllergyFact {
  key: AllergyKey;
  recorded: DayNumber;
}

export interface HealthFacts {
  conditions: ConditionFact[];
  medications: MedicationFact[];
  allergies: AllergyFact[];
}

export interface PlannedPlacement {
  start: DayNumber;
  end: DayNumber | null;
  type: string;
  changeReason: string | null;
  isLongTerm: boolean;
  awaitingLongTerm: boolean;
  intendedEnd: DayNumber | null;
  providerCode: ResidentialUnit['providerCode'];
  distanceMiles: number;
  postcode: string;
  /** Same-day placement after a breakdown or an emergency admission: no time for a planned referral. */
  emergency: boolean;
  /** The children's home, set by the residential allocation for K2 placements. */
  unit: ResidentialUnit | null;
}

export interface CarePeriod {
  start: DayNumber;
  end: DayNumber | null;
  endReason: string | null;
  legalStatus: string;
  needCode: string;
  placements: PlannedPlacement[];
}

export interface MissingFact {
  start: DayNumber;
  startMinute: number;
  /** Null while the child is still missing. */
  durationHours: number | null;
  type: 'M' | 'A';
  rhiOffered: boolean;
  rhiAccepted: boolean;
  /** Hours after the return that the interview took place; null when none took place. */
  rhiAfterHours: number | null;
}

export interface EhcFacts {
  request: DayNumber;
  decision: DayNumber | null;
  outcome: 'Y' | 'N' | null;
  finalPlan: DayNumber | null;
  status: 'REQUESTED' | 'ASSESSING' | 'ISSUED' | 'REFUSED';
  /** Reviews stop being held on time (EHCP_REVIEW_OVERDUE). */
  reviewsLapse: boolean;
  /** A review in Year 9 or later leaves out preparing-for-adulthood outcomes (PFA_MISSING). */
  pfaLapse: boolean;
}

export interface PlannedEnrolment {
  school: School;
  from: DayNumber;
  to: DayNumber | null;
}

export interface SchoolingFacts {
  enrolments: PlannedEnrolment[];
  sen: 'N' | 'K' | 'E';
  senNeeds: string[];
  ehc: EhcFacts | null;
}

export interface SocialWorkerSpell {
  professional: Professional;
  team: Team;
  from: DayNumber;
  to: DayNumber | null;
}

/** Who works with the child; filled in once the professional pools exist. */
export interface Assignments {
  socialCarePersonId: string | null;
  socialWorkers: SocialWorkerSpell[];
  iro: { professional: Professional; from: DayNumber } | null;
  personalAdviser: Professional | null;
  gpPractice: Organisation | null;
  gp: Professional | null;
  transitionWorker: Professional | null;
}

export interface ChildProfile {
  index: number;
  truth: PersonTruth;
  dob: DayNumber;
  sex: Sex;
  ageYears: number;
  addressLine: string;
  /** Where the child lived before care (or before moving): what an out-of-date agency record still shows. */
  previousPostcode: string;
  /** Day the family moved into the area, or null if the child was born here. */
  movedIn: DayNumber | null;
  status: SocialCareStatus;
  /** Multiplier for the lapse rates (lapse-rates.ts): 0 where practice around the child is consistently in order. */
  practice: number;
  /** First contact with children's social care (the referral date), when known to it. */
  referralDay: DayNumber | null;
  risks: RiskFlags;
  health: HealthFacts;
  gpRegistered: boolean;
  schooling: SchoolingFacts | null;
  care: CarePeriod[];
  missing: MissingFact[];
  /** Likely to need adult care and support (EHCP, disability, complex health). */
  adultNeeds: boolean;
  /** Known to adult services through a transition referral. */
  adultReferred: boolean;
  assignments: Assignments;
}
