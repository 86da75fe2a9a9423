/**
 * One child's joined record: what reconciliation knows about a child, read through the connectors as of one
 * instant. Each agency's part says whether it could be read; a rule that needs a part that is not OK reports that
 * it could not decide for that agency — it never treats "could not read" as "nothing recorded".
 *
 * The section types are the connectors' own values (what their subschemas answer), so rules and the child view
 * see the same data.
 */
import type { AgencyCode } from '../../connectors/connector.js';
import type { AdultServicesSectionValue } from '../../connectors/adult-services/adult-section.js';
import type { EducationSectionValue } from '../../connectors/education/education-section.js';
import type { HealthSectionValue } from '../../connectors/health/to-health-section.js';
import type { SocialCareSectionValue } from '../../connectors/social-care/social-care-section.js';

export type AgencyReadState = 'OK' | 'NOT_LINKED' | 'UNAVAILABLE' | 'TIMED_OUT';

/** An agency's part of the record: its section when `state` is OK, and when it was read. */
export interface AgencyPart<Section> {
  agency: AgencyCode;
  state: AgencyReadState;
  /** When the agency was read (or failed). */
  asOf: string | null;
  /** A code when state is not OK (e.g. UPSTREAM_BAD_PAYLOAD, CIRCUIT_OPEN). */
  reason: string | null;
  section: Section | null;
}

export interface IdentityLinkValue {
  agency: 'social-care' | 'gp' | 'education' | 'adult';
  localId: string;
  method: string;
}

export interface IdentityConflictValue {
  agency: string;
  localId: string;
  /** INVALID_NHS_NUMBER, INVALID_UPN, DOB_DISAGREES, SEX_DISAGREES, NHS_NUMBER_DISAGREES, UPN_DISAGREES */
  kind: string;
  otherAgency: string | null;
  otherLocalId: string | null;
  detectedAt: string;
}

export interface ChildIdentityValue {
  id: string;
  /** YYYY-MM-DD, from the highest-precedence agency record; null if no agency gives one. */
  dateOfBirth: string | null;
  /** The valid NHS number the linked records agree on, if any. */
  nhsNumber: string | null;
  upn: string | null;
  links: IdentityLinkValue[];
  /** Open conflicts the identity index recorded (invalid identifiers, agencies disagreeing). */
  identityConflicts: IdentityConflictValue[];
}

/** Another child placed in the same children's home, for the rules about admissions and the mix of residents. */
export interface CoResidentValue {
  /** The hub's id, when the identity index links the resident's social care record. */
  childId: string | null;
  socialCarePersonId: string;
  placementStart: string;
  placementEnd: string | null;
  /** The resident's social care section (null when it could not be read: see `state`). */
  socialCare: AgencyPart<SocialCareSectionValue>;
}

export interface ResidentialContextValue {
  unitId: string;
  unitName: string | null;
  /** Everyone placed in the unit at any time overlapping this child's placement there, this child excluded. */
  coResidents: CoResidentValue[];
}

/** The co-resident notices the hub sent about one admission of this child (to the existing residents' workers). */
export interface CoResidentNoticesValue {
  /** The admission's placement id in social care. */
  placementKey: string;
  /** Notices written, one per recipient. */
  recipients: number;
  sent: number;
  /** Residents at the admission whose social worker or IRO the hub could not find, so could not tell. */
  uncovered: number;
  /**
   * When the last notice was sent, once every one has been and no resident was left uncovered; null while any
   * is pending or failed, or while a resident's workers could not be told.
   */
  allSentAt: string | null;
}

/** A transition handoff to adult services the hub was asked to deliver (transition_handoffs). */
export interface HandoffValue {
  id: string;
  status: 'REQUESTED' | 'DELIVERED' | 'ACKNOWLEDGED' | 'FAILED';
  requestedAt: string;
  /** Adult services' own reference, once they have the package. */
  adultReference: string | null;
}

/** What the hub itself did for the child, from its own store (always read: the store is not an agency). */
export interface HubPartValue {
  coResidentNotices: CoResidentNoticesValue[];
  /** Oldest first. */
  handoffs: HandoffValue[];
}

export interface JoinedChildRecord {
  child: ChildIdentityValue;
  socialCare: AgencyPart<SocialCareSectionValue>;
  health: AgencyPart<HealthSectionValue>;
  education: AgencyPart<EducationSectionValue>;
  adultServices: AgencyPart<AdultServicesSectionValue>;
  /** The children's home the child lives in now (or most recently did), with its other residents; null if none. */
  residential: ResidentialContextValue | null;
  hub: HubPartValue;
  /** When the record was assembled. */
  readAt: string;
}

export type AgencyPartName = 'socialCare' | 'health' | 'education' | 'adultServices';
