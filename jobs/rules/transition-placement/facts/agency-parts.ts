/**
 * This group's answers when an agency part could not be read or a subject could not be decided. Whether a part
 * was read is `../../facts/agency-parts.ts` (`isUnreadable`, `sectionOf`): a part the child has no record in
 * (NOT_LINKED) gives nothing, which each rule reads as "nothing recorded there"; one that could not be read
 * (UNAVAILABLE, TIMED_OUT) leaves every question that depends on it undecided.
 */
import type { AgencyPartName, JoinedChildRecord } from '../../joined-record.js';
import { decided, notAssessed, type Evidence, type Finding, type RuleOutcome } from '../../rule.js';

export const partLabels: Readonly<Record<AgencyPartName, string>> = {
  socialCare: 'social care',
  health: 'health (GP)',
  education: 'education',
  adultServices: 'adult services',
};

export function agencyUnavailable(names: readonly AgencyPartName[], consequence: string): RuleOutcome {
  const list = names.map((name) => partLabels[name]).join(' and ');
  return notAssessed('AGENCY_UNAVAILABLE', `${list} could not be read: ${consequence}`, [...names]);
}

export function missingData(detail: string): RuleOutcome {
  return notAssessed('MISSING_DATA', detail);
}

/** Something a rule could not decide about one subject, and why. */
export interface Undecided {
  reason: 'AGENCY_UNAVAILABLE' | 'MISSING_DATA' | 'OUTSIDE_CALENDAR';
  detail: string;
  agencies: AgencyPartName[];
}

/**
 * The outcome of a rule that checks several subjects. If any subject could not be decided the whole outcome is
 * NOT_ASSESSED: a DECIDED outcome that left a subject out would let the store close that subject's open finding,
 * which is a silent pass. The first reason is reported, with every agency involved.
 */
export function outcomeOf(findings: Finding[], undecided: readonly Undecided[]): RuleOutcome {
  const [first] = undecided;
  if (!first) return decided(findings);
  const agencies = [...new Set(undecided.flatMap((item) => item.agencies))];
  const more = undecided.length > 1 ? ` (and ${undecided.length - 1} more)` : '';
  return notAssessed(first.reason, `${first.detail}${more}`, agencies);
}

/** A fact from the hub's identity index (the date of birth the linked records agree on). */
export function identityEvidence(record: JoinedChildRecord, fact: string): Evidence {
  return { agency: 'IDENTITY', recordId: null, fact, asOf: record.readAt };
}
