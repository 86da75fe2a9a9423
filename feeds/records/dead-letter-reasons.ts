/**
 * Why a feed record was not landed: machine-readable codes that integrators and the dead-letter screens key on
 * (documented in README.md). A rejection's detail names fields (zod issue paths, CSV column names), never values.
 */
export const deadLetterReasons = [
  'SCHEMA',
  'MISSING_FIELD',
  'NHS_NUMBER_CHECKSUM',
  'UPN_CHECK_LETTER',
  'UNKNOWN_CODE',
  'BAD_ENCODING',
  'OVERSIZE',
  'FUTURE_DATE',
  'UNRESOLVED_REFERENCE',
  'UNSUPPORTED_RESOURCE',
  'BAD_HEADER',
  'NO_MATCHING_CHILD',
  'AMBIGUOUS_CHILD',
  'DUPLICATE_IN_FEED',
  'VERSION_CONFLICT',
  'INTERNAL_ERROR',
] as const;

export type DeadLetterReason = (typeof deadLetterReasons)[number];

export function isDeadLetterReason(value: unknown): value is DeadLetterReason {
  return typeof value === 'string' && (deadLetterReasons as readonly string[]).includes(value);
}

export interface Rejection {
  ok: false;
  reason: DeadLetterReason;
  detail: string;
}

export type Verdict<T> = { ok: true; value: T } | Rejection;

export function reject(reason: DeadLetterReason, detail: string): Rejection {
  return { ok: false, reason, detail: detail.slice(0, maxDetailLength) };
}

// Long enough for every field of a record, short enough that a hostile record cannot bloat the letters table.
const maxDetailLength = 500;
