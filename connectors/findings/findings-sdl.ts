/** The findings subschema's SDL: findings on each child, a filtered list across children, and two actions. */
import { sharedTypeDefs } from '../../schema/shared-sdl.js';

export const findingsTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  enum FindingStatus {
    OPEN
    ACKNOWLEDGED
    RESOLVED
    AUTO_RESOLVED
  }

  enum FindingSeverity {
    HIGH
    MEDIUM
    LOW
  }

  "Where a rule's duty comes from."
  type RuleSource {
    "LAW, STATUTORY_GUIDANCE, LOCAL_POLICY or LEARNING_REVIEW."
    kind: String!
    citation: String!
  }

  "One fact a finding rests on: which agency said what, as of when."
  type FindingEvidence {
    agency: String!
    recordId: String
    fact: String!
    asOf: DateTime
  }

  type FindingOwner {
    "The role that must act (SOCIAL_WORKER, IRO, SENCO...)."
    role: String!
    "The work e-mail of the person an agency records in that role for this child, where known."
    person: String
  }

  type FindingChange {
    at: DateTime!
    "OPENED, UPDATED, ACKNOWLEDGED, RESOLVED, AUTO_RESOLVED"
    change: String!
    status: FindingStatus!
    "A user id, or 'reconciliation'."
    actor: String!
    note: String
  }

  "A gap the reconciliation found in one child's joined record, for the person who must act."
  type Finding {
    id: ID!
    childId: ID!
    rule: String!
    subjectKind: String!
    subjectId: String!
    severity: FindingSeverity!
    "The data category the finding reveals; the gateway shows it only to roles that may see that category."
    category: DataCategory!
    summary: String!
    evidence: [FindingEvidence!]!
    dueDate: Date
    source: RuleSource!
    owner: FindingOwner!
    status: FindingStatus!
    openedAt: DateTime!
    statusChangedAt: DateTime!
    closedAt: DateTime
    history: [FindingChange!]!
  }

  type FindingEdge {
    cursor: String!
    node: Finding!
  }

  type FindingPageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type FindingConnection {
    edges: [FindingEdge!]!
    pageInfo: FindingPageInfo!
  }

  input FindingFilter {
    rules: [String!]
    severities: [FindingSeverity!]
    ownerRoles: [String!]
    ownerPerson: String
    "Default: OPEN and ACKNOWLEDGED."
    statuses: [FindingStatus!]
    "Findings whose evidence cites this agency."
    agency: Agency
  }

  type Child {
    id: ID!
    "The child's findings (default: open and acknowledged), most severe first."
    findings(statuses: [FindingStatus!]): [Finding!]!
  }

  type Query {
    "Findings across the children you may see, oldest first."
    findings(filter: FindingFilter, first: Int = 50, after: String): FindingConnection!
    _findingsChildren(ids: [ID!]!): [Child]!
  }

  type Mutation {
    "You have seen this finding and own it (ACKNOWLEDGE_FINDING)."
    acknowledgeFinding(id: ID!, note: String): Finding
    "The gap is dealt with (ACKNOWLEDGE_FINDING); the note says how. Null when the finding was not open."
    resolveFinding(id: ID!, note: String!): Finding
  }
`;
