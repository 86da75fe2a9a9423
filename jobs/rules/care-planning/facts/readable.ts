/**
 * Whether the agency parts a rule needs could be read. NOT_LINKED is not a failure (the child has no record
 * there, which each rule interprets); UNAVAILABLE and TIMED_OUT are: the rule cannot decide and says which
 * agency it was waiting for.
 */
import type { AgencyPartName, JoinedChildRecord } from '../../joined-record.js';
import { notAssessed, type RuleOutcome } from '../../rule.js';

export function unreadableParts(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
): RuleOutcome | null {
  const failed = needs.filter((name) => {
    const part = record[name];
    return (
      part.state === 'UNAVAILABLE' || part.state === 'TIMED_OUT' || (part.state === 'OK' && !part.section)
    );
  });
  if (failed.length === 0) return null;
  const detail = failed
    .map((name) => `${name} ${record[name].state}${record[name].reason ? ` (${record[name].reason})` : ''}`)
    .join('; ');
  return notAssessed('AGENCY_UNAVAILABLE', `could not read ${detail}`, failed);
}

/** A part's section once `unreadableParts` has passed: null means NOT_LINKED (no record at that agency). */
export function sectionOf<S>(part: { state: string; section: S | null }): S | null {
  return part.state === 'OK' ? part.section : null;
}
