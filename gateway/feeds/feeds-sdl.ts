/**
 * The feeds subschema's SDL. A feed's status and dead letters are about the feed, not a child: no data category,
 * and the resolvers decide who may see them (MANAGE_FEEDS, or the feed client that sent it). The landed data on
 * the child carries categories like the live agency views it sits beside: GP items HEALTH, with sexual and mental
 * health items in their own sub-sections; the practice that sent them GP_DETAILS (hidden by a seal); school
 * returns EDUCATION, with SEN provision and EHCP as SEND.
 */
import { sharedTypeDefs } from '../../schema/shared-sdl.js';

function gpRecordsType(name: string, category: string, description: string): string {
  return /* GraphQL */ `
  "${description}"
  type ${name} {
    encounters: [GpFeedEncounter!]! @category(name: ${category})
    conditions: [GpFeedEntry!]! @category(name: ${category})
    medications: [GpFeedEntry!]! @category(name: ${category})
    immunisations: [GpFeedEntry!]! @category(name: ${category})
    observations: [GpFeedEntry!]! @category(name: ${category})
    allergies: [GpFeedEntry!]! @category(name: ${category})
  }`;
}

export const feedsTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  enum FeedKind {
    GP_FHIR
    SCHOOL_CSV
  }

  enum FeedStatus {
    "The body is still arriving; nothing of it is processed."
    RECEIVING
    "Every record is stored; records are being validated and landed."
    RECEIVED
    "Every record was accepted, found a duplicate or rejected."
    PROCESSED
    "The upload was interrupted; nothing of it is processed."
    ABANDONED
  }

  enum FeedDeadLetterStatus {
    OPEN
    REPLAYED
    DISCARDED
  }

  "A record that could not be landed. Its content is never shown here."
  type FeedDeadLetter {
    id: ID!
    feedId: ID!
    "The record's place in the feed: a CSV data row's line number (the header is 1), a Bundle entry's index."
    position: Int!
    "A code, e.g. NHS_NUMBER_CHECKSUM, UPN_CHECK_LETTER, MISSING_FIELD, NO_MATCHING_CHILD."
    reason: String!
    "Which fields, never their values."
    detail: String!
    status: FeedDeadLetterStatus!
    "0 for the record as received, n for its n-th replay."
    replay: Int!
  }

  type FeedDeadLetterConnection {
    nodes: [FeedDeadLetter!]!
    "Pass as after for the next page."
    endCursor: String
    hasNextPage: Boolean!
  }

  "A data feed and where its processing is."
  type Feed {
    id: ID!
    kind: FeedKind!
    status: FeedStatus!
    "The sender the feed client declared: a practice ODS code, a school URN."
    sender: String
    receivedAt: DateTime!
    processedAt: DateTime
    recordCount: Int!
    accepted: Int!
    duplicates: Int!
    rejected: Int!
    "Records not yet processed (including replayed records waiting for ingest)."
    pending: Int!
    "Dead letters in the order they were written."
    deadLetters(first: Int = 50, after: String): FeedDeadLetterConnection!
  }

  type FeedConnection {
    nodes: [Feed!]!
    endCursor: String
    hasNextPage: Boolean!
  }

  "Where a landed GP feed item came from."
  type GpFeedProvenance {
    feedId: ID!
    "The practice's ODS code: which GP practice the child is registered with."
    sender: String @category(name: GP_DETAILS)
    position: Int!
    "When the hub landed this version."
    receivedAt: DateTime!
    "The resource's meta.lastUpdated at the practice."
    asOf: DateTime!
  }

  "A condition, medication, immunisation, observation or allergy as a GP feed sent it."
  type GpFeedEntry {
    id: ID!
    "The FHIR resource type, e.g. Condition."
    resourceType: String!
    "What a person reads for the code."
    codeText: String
    "The resource's status (clinical status for conditions and allergies)."
    status: String
    "The clinical date: onset, start, occurrence or effective."
    occurredAt: DateTime
    category: DataCategory!
    provenance: GpFeedProvenance!
  }

  "An encounter as a GP feed sent it."
  type GpFeedEncounter {
    id: ID!
    resourceType: String!
    "v3-ActCode class as sent, e.g. AMB, EMER, IMP."
    class: String
    start: String
    end: String
    typeText: String
    "An A&E attendance or a hospital admission."
    isUnscheduledCare: Boolean!
    codeText: String
    status: String
    occurredAt: DateTime
    category: DataCategory!
    provenance: GpFeedProvenance!
  }

  ${gpRecordsType('GpFeedSexualHealth', 'SEXUAL_HEALTH', 'GP feed items that are sexual or reproductive health.')}
  ${gpRecordsType('GpFeedMentalHealth', 'MENTAL_HEALTH', 'GP feed items that are mental health (or substance use).')}

  "What GP feeds have landed for the child, beside the live GP view (Child.health)."
  type GpFeedSection {
    encounters: [GpFeedEncounter!]! @category(name: HEALTH)
    conditions: [GpFeedEntry!]! @category(name: HEALTH)
    medications: [GpFeedEntry!]! @category(name: HEALTH)
    immunisations: [GpFeedEntry!]! @category(name: HEALTH)
    observations: [GpFeedEntry!]! @category(name: HEALTH)
    allergies: [GpFeedEntry!]! @category(name: HEALTH)
    sexualHealth: GpFeedSexualHealth! @category(name: SEXUAL_HEALTH)
    mentalHealth: GpFeedMentalHealth! @category(name: MENTAL_HEALTH)
    "Landed resources the hub could not read (not shown above): not the same as nothing recorded."
    unreadable: Int! @category(name: HEALTH)
  }

  "Where a landed school census return came from."
  type SchoolFeedProvenance {
    feedId: ID!
    "The school's URN."
    sender: String!
    position: Int!
    "When the hub landed this return."
    receivedAt: DateTime!
    "When the school extracted it."
    asOf: DateTime!
  }

  "One census-style return a school feed sent, beside the live education view (Child.education)."
  type SchoolCensusReturn {
    schoolUrn: String! @category(name: EDUCATION)
    censusDate: Date! @category(name: EDUCATION)
    yearGroup: String! @category(name: EDUCATION)
    sessionsPossible: Int! @category(name: EDUCATION)
    sessionsAttended: Int! @category(name: EDUCATION)
    "Sessions attended as a percentage of sessions possible, one decimal place; null when none were possible."
    attendancePercent: Float @category(name: EDUCATION)
    suspensions: Int! @category(name: EDUCATION)
    permanentExclusion: Boolean! @category(name: EDUCATION)
    latestExclusionDate: Date @category(name: EDUCATION)
    "As the return codes it: N (no special educational need), K (SEN support), E (EHC plan)."
    senProvision: String! @category(name: SEND)
    ehcp: Boolean! @category(name: SEND)
    provenance: SchoolFeedProvenance! @category(name: EDUCATION)
  }

  type Child {
    id: ID!
    "Null when no GP feed has landed anything for the child."
    gpFeed: GpFeedSection
    "School census returns landed for the child, newest census first."
    schoolCensus: [SchoolCensusReturn!]! @category(name: EDUCATION)
  }

  type Query {
    "A feed's status: for the feed client that sent it, or MANAGE_FEEDS."
    feed(id: ID!): Feed
    "Feeds newest first: every feed for MANAGE_FEEDS, a feed client's own otherwise."
    feeds(first: Int = 20, after: String, status: FeedStatus): FeedConnection!
    _feedsChildren(ids: [ID!]!): [Child]!
  }

  type Mutation {
    "Replay an open dead letter with a corrected record (recorded); ingest runs again for its feed."
    replayDeadLetter(id: ID!, correctedRecord: String!): FeedDeadLetter
    "Close an open dead letter without replaying it (recorded, with the reason)."
    discardDeadLetter(id: ID!, reason: String!): FeedDeadLetter
  }
`;
