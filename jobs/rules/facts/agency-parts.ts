/**
 * Whether an agency part a rule needs could be read. NOT_LINKED is an answer (the child has no record there, which
 * each rule interprets); UNAVAILABLE and TIMED_OUT are not, and neither is an OK part carrying no section: a rule
 * that needs such a part says it could not decide instead of treating "could not read" as "nothing recorded". Each
 * group words its NOT_ASSESSED detail in its own facts; the test of readability is this one.
 */
import type { AgencyPart, AgencyPartName, JoinedChildRecord } from '../joined-record.js';
import type { Evidence } from '../rule.js';

/** Not read: the agency failed or timed out, or said OK without a section. */
export function isUnreadable(part: AgencyPart<unknown>): boolean {
  return part.state === 'UNAVAILABLE' || part.state === 'TIMED_OUT' || (part.state === 'OK' && !part.section);
}

/** The needed parts that could not be read, in the order needed. */
export function unreadablePartNames(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
): AgencyPartName[] {
  return needs.filter((name) => isUnreadable(record[name]));
}

/** The section of a part that was read; null when the child has no record there (or it could not be read). */
export function sectionOf<S>(part: AgencyPart<S>): S | null {
  return part.state === 'OK' ? part.section : null;
}

/** A fact from an agency's part: which agency said it, in which record, as of when that agency was read. */
export function evidenceFrom(part: AgencyPart<unknown>, recordId: string | null, fact: string): Evidence {
  return { agency: part.agency, recordId, fact, asOf: part.asOf };
}
