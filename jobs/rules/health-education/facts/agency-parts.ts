/**
 * This group's answer when a part a rule needs could not be read (`../../facts/agency-parts.ts` says which): the
 * rule says it could not decide, naming each part in words, instead of treating "could not read" as "nothing
 * recorded". NOT_LINKED is an answer (the child has no record there) and each rule says what it means.
 */
import { unreadablePartNames } from '../../facts/agency-parts.js';
import type { AgencyPartName, JoinedChildRecord } from '../../joined-record.js';
import { decided, notAssessed, type RuleOutcome } from '../../rule.js';

const partLabels: Readonly<Record<AgencyPartName, string>> = {
  socialCare: 'social care',
  health: 'the GP record',
  education: 'education',
  adultServices: 'adult services',
};

/** NOT_ASSESSED naming every needed part that could not be read, or null when all of them were. */
export function unreadableOutcome(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
): RuleOutcome | null {
  const parts = unreadablePartNames(record, needs);
  if (parts.length === 0) return null;
  const described = parts.map((name) => {
    const part = record[name];
    const why = part.reason ?? part.state;
    return `${partLabels[name]} could not be read (${part.state === 'OK' ? 'NO_SECTION' : why})`;
  });
  return notAssessed('AGENCY_UNAVAILABLE', described.join('; '), parts);
}

/**
 * Runs `judge` on one part's section once every needed part could be read. No record at that agency (NOT_LINKED)
 * means nothing to check: DECIDED with no findings.
 */
export function withSection<K extends AgencyPartName>(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
  name: K,
  judge: (section: NonNullable<JoinedChildRecord[K]['section']>) => RuleOutcome,
): RuleOutcome {
  const unread = unreadableOutcome(record, needs);
  if (unread) return unread;
  const section = record[name].section;
  return section === null ? decided([]) : judge(section as NonNullable<JoinedChildRecord[K]['section']>);
}
