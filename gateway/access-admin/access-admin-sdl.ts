/**
 * The access-admin subschema's types: time-boxed grants, panel lists, and the privacy officer's audit and alert
 * views. Field names are unprefixed (the gateway merges Query and Mutation by name) and chosen not to clash with
 * the connectors' (connectors/∗/schema.ts). PageInfo is the identity subschema's, field for field.
 */
import { sharedTypeDefs } from '../../schema/shared-sdl.js';

export const accessAdminTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  enum AccessGrantKind {
    "The holder stated they work with the child before any agency recorded it."
    SELF_CLAIMED
    "Emergency access without a recorded relationship."
    BREAK_GLASS
  }

  "Time-boxed access to one child without a recorded relationship. Starting one alerts the privacy officer."
  type AccessGrant {
    id: ID!
    "The holder's user id."
    userId: ID!
    childId: ID!
    kind: AccessGrantKind!
    "The holder's own words: why they needed access."
    reason: String!
    startsAt: DateTime!
    endsAt: DateTime!
    "When it was ended early, or recorded as expired; null while it runs."
    endedAt: DateTime
    endedBy: ID
    "In force now."
    active: Boolean!
  }

  "A multi-agency tracking panel: its members see the children on its list (relationship kind PANEL_LIST)."
  type Panel {
    "Upper case, e.g. MACE-NORTH."
    code: ID!
    name: String!
    createdBy: ID!
    createdAt: DateTime!
    members: [PanelMember!]!
    children: [PanelChild!]!
  }

  type PanelMember {
    "Work e-mail, lower case: matched against the caller's e-mail."
    email: String!
    addedBy: ID!
    addedAt: DateTime!
  }

  type PanelChild {
    childId: ID!
    addedBy: ID!
    addedAt: DateTime!
  }

  enum AccessOutcome {
    ALLOWED
    DENIED
    PARTIAL
    REJECTED
  }

  "What an access rested on."
  enum AccessBasis {
    RELATIONSHIP
    SELF_CLAIMED
    BREAK_GLASS
    SYSTEM
    NONE
  }

  "One access-audit event: ids and codes only, never the data that was seen."
  type AccessAuditEvent {
    id: ID!
    occurredAt: DateTime!
    requestId: String!
    userId: ID!
    role: String!
    "Organisation code."
    organisation: String!
    purpose: String!
    childId: ID
    "Data categories released (or asked for, when denied)."
    categories: [String!]!
    "Field paths released (or asked for)."
    fields: [String!]!
    outcome: AccessOutcome!
    "A short code, e.g. NO_RELATIONSHIP, GRANT_STARTED."
    reason: String
    basis: AccessBasis!
    grantId: ID
  }

  "Newest first. Pass pageInfo.endCursor as after for the next page."
  type AccessAuditConnection {
    nodes: [AccessAuditEvent!]!
    pageInfo: PageInfo!
  }

  enum PrivacyAlertKind {
    SELF_CLAIMED_ACCESS
    BREAK_GLASS
    UNUSUAL_VOLUME
  }

  enum PrivacyAlertStatus {
    OPEN
    ACKNOWLEDGED
    CLOSED
  }

  type PrivacyAlertNote {
    "The status the alert moved to when the note was written."
    status: PrivacyAlertStatus!
    note: String!
    writtenBy: ID!
    writtenAt: DateTime!
  }

  "Something for the privacy officer to review: a self-claimed or break-glass grant, or unusual volume."
  type PrivacyAlert {
    id: ID!
    raisedAt: DateTime!
    kind: PrivacyAlertKind!
    "Whose access the alert is about."
    userId: ID!
    childId: ID
    "The grant the alert is about (SELF_CLAIMED_ACCESS, BREAK_GLASS), with the holder's reason."
    grant: AccessGrant
    "UNUSUAL_VOLUME: the window looked at, and how many distinct children the user opened in it."
    windowStart: DateTime
    windowEnd: DateTime
    distinctChildren: Int
    threshold: Int
    status: PrivacyAlertStatus!
    acknowledgedBy: ID
    acknowledgedAt: DateTime
    closedBy: ID
    closedAt: DateTime
    notes: [PrivacyAlertNote!]!
  }

  "OPEN and ACKNOWLEDGED oldest first, CLOSED newest first."
  type PrivacyAlertConnection {
    nodes: [PrivacyAlert!]!
    pageInfo: PageInfo!
  }

  type Query {
    "Your own grants, newest first (at most 200). SELF_CLAIM_RELATIONSHIP or BREAK_GLASS."
    myAccessGrants(activeOnly: Boolean = true): [AccessGrant!]!
    "Every panel. MANAGE_PANEL_LISTS."
    panels: [Panel!]!
    "One panel by code. MANAGE_PANEL_LISTS."
    panel(code: ID!): Panel
    "Every audited access to a child, newest first. VIEW_AUDIT."
    childAccessLog(childId: ID!, first: Int = 50, after: String): AccessAuditConnection!
    "Every audited access by a user, newest first. VIEW_AUDIT."
    userAccessLog(userId: ID!, first: Int = 50, after: String): AccessAuditConnection!
    "Privacy alerts with one status. VIEW_AUDIT."
    privacyAlerts(status: PrivacyAlertStatus = OPEN, first: Int = 50, after: String): PrivacyAlertConnection!
  }

  type Mutation {
    """
    Claims a relationship with a child no agency has recorded yet (SELF_CLAIM_RELATIONSHIP). The reason is required
    (at least 10 characters, in words); minutes defaults to the configured length and is cut to the maximum.
    """
    claimRelationship(childId: ID!, reason: String!, minutes: Int): AccessGrant!
    "Emergency access to a child (BREAK_GLASS); the same rules as claimRelationship. The privacy officer is alerted."
    breakGlass(childId: ID!, reason: String!, minutes: Int): AccessGrant!
    "Ends one of your own grants now. Null when it had already ended (nothing is written)."
    endAccessGrant(grantId: ID!): AccessGrant
    "Creates a panel. MANAGE_PANEL_LISTS."
    createPanel(code: ID!, name: String!): Panel!
    "Adds a person (by work e-mail) to a panel; not yourself. MANAGE_PANEL_LISTS."
    addPanelMember(panelCode: ID!, email: String!): Panel!
    "Takes a person off a panel. MANAGE_PANEL_LISTS."
    removePanelMember(panelCode: ID!, email: String!): Panel!
    "Puts a child (hub id) on a panel's list. MANAGE_PANEL_LISTS."
    addChildToPanel(panelCode: ID!, childId: ID!): Panel!
    "Takes a child off a panel's list. MANAGE_PANEL_LISTS."
    removeChildFromPanel(panelCode: ID!, childId: ID!): Panel!
    "OPEN → ACKNOWLEDGED, with an optional note. VIEW_AUDIT; not for an alert about yourself."
    acknowledgePrivacyAlert(id: ID!, note: String): PrivacyAlert!
    "OPEN or ACKNOWLEDGED → CLOSED, with what the review found. VIEW_AUDIT; not for an alert about yourself."
    closePrivacyAlert(id: ID!, note: String!): PrivacyAlert!
  }
`;
