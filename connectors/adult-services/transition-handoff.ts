/**
 * The transition package the hub hands to adult services, and what their intake answers. The handoff job builds
 * the package and owns retries and idempotency (the intake is idempotent on `handoffId`: the same package again
 * gets the same reference back).
 */
export interface TransitionHandoffPackage {
  /** The hub's id for this handoff: adult services' idempotency key. */
  handoffId: string;
  /** When this attempt was sent; ignored by the intake when comparing a replay with the original. */
  sentAt?: string;
  child: {
    /** A valid NHS number, or null. */
    nhsNumber: string | null;
    /** Other identifiers, e.g. `{ system: 'adult-person-id', value }` to file onto a known adult record. */
    identifiers?: Array<{ system: string; value: string }>;
    givenName: string;
    familyName: string;
    /** YYYY-MM-DD */
    dateOfBirth: string;
    sex?: 'M' | 'F' | 'U';
  };
  /** What the hub sends, section by section (e.g. HEALTH, EDUCATION, PATHWAY_PLAN); contents are stored as sent. */
  sections: Array<{ type: string; title?: string; content: unknown }>;
}

export interface HandoffReceipt {
  /** Adult services' own reference, e.g. ASC-12345678. */
  reference: string;
  status: string;
  /** False when the intake had this package already (a replay): same reference, nothing filed twice. */
  created: boolean;
}
