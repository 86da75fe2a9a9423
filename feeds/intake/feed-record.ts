/**
 * What intake produces: a feed's records exactly as received, one per CSV row or Bundle entry, before anything
 * has looked inside them. Validation happens later (the ingest job), on these bytes.
 */
export type FeedKind = 'GP_FHIR' | 'SCHOOL_CSV';

export interface FeedRecord {
  /** CSV: the line number of the row's first line (the header is line 1). Bundle: the entry's index from 0. */
  position: number;
  /** The record's bytes, cut to the size limit when it is bigger (rawSize then says how big it was). */
  raw: Buffer;
  /** The record's full size in bytes. */
  rawSize: number;
}

/** Size limits for one feed kind. */
export interface FeedLimits {
  /** Most bytes one feed body may have; more is refused whole (HTTP 413). */
  maxBodyBytes: number;
  /** Most bytes kept of one record; a bigger one keeps its first bytes and is dead-lettered as OVERSIZE. */
  maxRecordBytes: number;
}
