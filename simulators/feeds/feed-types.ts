/**
 * What a generated feed is: the bytes an agency would send, and the truth about each record, so a test can hold
 * the hub to the outcome it should reach for every record.
 */

/** Reason codes the hub dead-letters with (store/migrations/0010_feeds.sql); a generated bad record has one. */
export const badKinds = [
  'SCHEMA',
  'MISSING_FIELD',
  'NHS_NUMBER_CHECKSUM',
  'UPN_CHECK_LETTER',
  'UNKNOWN_CODE',
  'BAD_ENCODING',
  'OVERSIZE',
  'FUTURE_DATE',
  'UNRESOLVED_REFERENCE',
  'NO_MATCHING_CHILD',
] as const;
export type BadKind = (typeof badKinds)[number];

/** The kinds that make sense in each feed: a CSV has no references or NHS numbers, a Bundle no bytes to mangle. */
export const schoolBadKinds: readonly BadKind[] = [
  'SCHEMA',
  'MISSING_FIELD',
  'UPN_CHECK_LETTER',
  'UNKNOWN_CODE',
  'BAD_ENCODING',
  'OVERSIZE',
  'FUTURE_DATE',
  'NO_MATCHING_CHILD',
];
export const gpBadKinds: readonly BadKind[] = [
  'SCHEMA',
  'MISSING_FIELD',
  'NHS_NUMBER_CHECKSUM',
  'UNKNOWN_CODE',
  'OVERSIZE',
  'FUTURE_DATE',
  'UNRESOLVED_REFERENCE',
  'NO_MATCHING_CHILD',
];

export type Expected = 'ACCEPT' | BadKind;

export interface TruthEntry {
  /** CSV: line number of the row's first line (header = 1). Bundle: entry index from 0. */
  position: number;
  expected: Expected;
  /** The record's identity as the hub keys it: `upn|urn|census_date` for a CSV row, `Type/id` for a resource. */
  key: string;
  /** The population person a good record belongs to (ground truth); null for bad records. */
  truthKey: string | null;
  /** For a bad record, the field at fault (a name, never a value). */
  field?: string;
}

export interface GeneratedFeed {
  content: Buffer | string;
  truth: TruthEntry[];
}

/** Shifts the version of every good record: +1 a newer extract with a changed value, -1 an older one. */
export const maxRevision = 5;
