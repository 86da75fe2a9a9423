/**
 * GraphQL types every subschema shares, so the stitched gateway sees one definition of each. A connector
 * includes `sharedTypeDefs` in its own SDL.
 */
export const sharedTypeDefs = /* GraphQL */ `
  "An instant, ISO 8601 with offset (e.g. 2026-11-25T09:00:00Z)."
  scalar DateTime
  "A calendar date, ISO 8601 (YYYY-MM-DD)."
  scalar Date

  "The agencies whose systems the hub reads."
  enum Agency {
    SOCIAL_CARE
    HEALTH
    EDUCATION
    ADULT_SERVICES
  }

  """
  Whether an agency's part of the answer could be read. Absence of data is never "no concerns": a section that is
  null says why here.
  """
  enum SourceState {
    "The agency answered; its section is what it holds."
    OK
    "The hub has no record of this child in the agency's system."
    NOT_LINKED
    "The agency's system failed or sent data the hub could not read."
    UNAVAILABLE
    "The agency's system did not answer in time."
    TIMED_OUT
    "The caller may not see this agency's data for this child."
    FORBIDDEN
  }

  type SourceStatus {
    agency: Agency!
    state: SourceState!
    "When the data was read from the agency (or when the failure happened)."
    asOf: DateTime
    "A code saying why, when state is not OK (e.g. UPSTREAM_BAD_PAYLOAD, CIRCUIT_OPEN)."
    reason: String
  }

  """
  Data categories, declared on fields with @category and enforced at the gateway per role. Sealed records hide
  ADDRESS, PLACEMENT and GP_DETAILS unless the caller may override the seal.
  """
  enum DataCategory {
    IDENTITY
    CONTACT_DETAILS
    ADDRESS
    SOCIAL_CARE
    CHILD_PROTECTION
    LOOKED_AFTER
    PLACEMENT
    EXPLOITATION_RISK
    HEALTH
    GP_DETAILS
    SEXUAL_HEALTH
    MENTAL_HEALTH
    EDUCATION
    SEND
    ADULT_SERVICES
  }

  directive @category(name: DataCategory!) on FIELD_DEFINITION

  "One dated event in a child's life as one agency recorded it."
  type ChronologyEvent {
    at: DateTime!
    agency: Agency!
    "A stable machine-readable kind, e.g. PLACEMENT_STARTED, A_AND_E_ATTENDANCE, EXCLUSION."
    kind: String!
    summary: String!
    "The agency's own id of the record the event comes from."
    recordId: String
    "The category of data the event reveals; the gateway filters events the caller may not see."
    category: DataCategory!
  }

  "A practitioner around the child, as one agency records them."
  type Practitioner {
    agency: Agency!
    name: String!
    "e.g. SOCIAL_WORKER, IRO, GP, SENCO, VIRTUAL_SCHOOL_HEAD, TRANSITION_WORKER."
    role: String!
    organisation: String
    email: String
    phone: String
    since: Date
  }
`;
