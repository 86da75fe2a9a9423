/**
 * Public shapes of the identity-matching engine: what each agency records about a person, and the identity index
 * the engine returns (clusters of linked records, pairs a person must review, and disagreements to put right).
 */
import type { FieldAgreement } from './levels.js';

export type { FieldAgreement } from './levels.js';

export type Agency = 'social-care' | 'gp' | 'education' | 'adult';

/** One agency's record of a person, as the connector read it. */
export interface AgencyPersonRecord {
  agency: Agency;
  localId: string;
  nhsNumber: string | null;
  upn: string | null;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'U';
  postcode: string | null;
}

/** A record is known by its agency and that agency's own id; the pair must be unique in the input. */
export interface RecordRef {
  agency: Agency;
  localId: string;
}

/**
 * Why two records are linked. MANUAL is a person's CONFIRM decision (an addition to the three evidence kinds, so a
 * human judgement is never reported as if the scoring had made it).
 */
export type LinkMethod = 'NHS_NUMBER' | 'UPN' | 'PROBABILISTIC' | 'MANUAL';

export interface Link {
  a: RecordRef;
  b: RecordRef;
  method: LinkMethod;
  /** Fellegi–Sunter score (sum of log2 m/u weights), on probabilistic links only. */
  score?: number;
}

/** Records the engine believes are one person, and the links that joined them. */
export interface Cluster {
  records: RecordRef[];
  links: Link[];
}

/** A pair that may be one person but must not be linked without a person deciding. */
export interface Review {
  a: RecordRef;
  b: RecordRef;
  score: number;
  agreement: FieldAgreement;
}

export type ConflictKind =
  | 'INVALID_NHS_NUMBER'
  | 'INVALID_UPN'
  | 'DOB_DISAGREES'
  | 'SEX_DISAGREES'
  | 'NHS_NUMBER_DISAGREES'
  | 'UPN_DISAGREES';

export interface Conflict {
  record: RecordRef;
  kind: ConflictKind;
  /** The record it disagrees with, for the *_DISAGREES kinds. */
  otherRecord?: RecordRef;
}

export interface LinkResult {
  clusters: Cluster[];
  reviews: Review[];
  conflicts: Conflict[];
}

/**
 * A person's decision about a pair. CONFIRM links the two records whatever the scoring says. SPLIT forbids any
 * probabilistic link that would put the two records in one cluster; it does not undo an NHS number or UPN match
 * (fix the identifier at source instead) or another CONFIRM. When one pair has several decisions, the last wins.
 */
export interface ManualDecision {
  a: RecordRef;
  b: RecordRef;
  decision: 'CONFIRM' | 'SPLIT';
}
