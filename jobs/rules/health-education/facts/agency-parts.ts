/**
 * Whether the agency parts a rule needs could be read. NOT_LINKED is an answer (the child has no record there) and
 * each rule says what it means; UNAVAILABLE and TIMED_OUT are not, so a rule that needs such a part says it could
 * not decide instead of treating "could not read" as "nothing recorded".
 */
import type { AgencyPartName, JoinedChildRecord } from '../../joined-record.js';
import { notAssessed, type RuleOutcome } from '../../rule.js';

export const partLabels: Readonly<Record<AgencyPartName, string>> = {
  socialCare: 'social care',
  health: 'the GP record',
  education: 'education',
  adultServices: 'adult services',
};

/** The needed parts that could not be read (a part said to be OK but carrying no section counts as unread). */
export function unreadableParts(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
): AgencyPartName[] {
  return needs.filter((name) => {
    const part = record[name];
    if (part.state === 'NOT_LINKED') return false;
    return part.state !== 'OK' || part.section === null;
  });
}

/** NOT_ASSESSED naming every needed part that could not be read, or null when all of them were. */
export function unreadableOutcome(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
): RuleOutcome | null {
  const parts = unreadableParts(record, needs);
  if (parts.length === 0) return null;
  const described = parts.map((name) => {
    const part = record[name];
    const why = part.reason ?? part.state;
    return `${partLabels[name]} could not be read (${part.state === 'OK' ? 'NO_SECTION' : why})`;
  });
  return notAssessed('AGENCY_UNAVAILABLE', described.join('; '), parts);
}
