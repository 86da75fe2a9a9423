/**
 * This group's answer when a part a rule needs could not be read (`../../facts/agency-parts.ts` says which): the
 * rule cannot decide and names each agency it was waiting for, with its state and reason. NOT_LINKED is not a
 * failure: the child has no record there, which each rule interprets.
 */
import type { SocialCareSectionValue } from '../../../../connectors/social-care/social-care-section.js';
import { sectionOf, unreadablePartNames } from '../../facts/agency-parts.js';
import type { AgencyPartName, JoinedChildRecord } from '../../joined-record.js';
import { decided, notAssessed, type RuleOutcome } from '../../rule.js';

export function unreadableParts(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
): RuleOutcome | null {
  const failed = unreadablePartNames(record, needs);
  if (failed.length === 0) return null;
  const detail = failed
    .map((name) => `${name} ${record[name].state}${record[name].reason ? ` (${record[name].reason})` : ''}`)
    .join('; ');
  return notAssessed('AGENCY_UNAVAILABLE', `could not read ${detail}`, failed);
}

/**
 * Runs `judge` on the child's social care section once every needed part could be read. No social care record
 * (NOT_LINKED) means nothing to check: DECIDED with no findings.
 */
export function withSocialCare(
  record: JoinedChildRecord,
  needs: readonly AgencyPartName[],
  judge: (section: SocialCareSectionValue) => RuleOutcome,
): RuleOutcome {
  const unreadable = unreadableParts(record, needs);
  if (unreadable) return unreadable;
  const section = sectionOf(record.socialCare);
  return section ? judge(section) : decided([]);
}
