/**
 * Reading an agency's part as this group's rules need it. A part that was read (OK) gives its section; one the
 * child has no record in (NOT_LINKED) gives nothing, which each rule reads as "nothing recorded there"; one that
 * could not be read (UNAVAILABLE, TIMED_OUT) leaves every question that depends on it undecided.
 */
import type { AgencyPart, AgencyPartName, JoinedChildRecord } from '../../joined-record.js';
import { decided, notAssessed, type Evidence, type Finding, type RuleOutcome } from '../../rule.js';

export const partLabels: Readonly<Record<AgencyPartName, string>> = {
  socialCare: 'social care',
  health: 'health (GP)',
  education: 'education',
  adultServices: 'adult services',
};

/** Not read: the agency failed or timed out (an OK part without a section is treated the same way). */
export function isUnreadable(part: AgencyPart<unknown>): boolean {
  return part.state === 'UNAVAILABLE' || part.state === 'TIMED_OUT' || (part.state === 'OK' && !part.section);
}

/** The section of a part that was read; null when the child has no record there or it could not be read. */
export function sectionOf<S>(part: AgencyPart<S>): S | null {
  return part.state === 'OK' ? part.section : null;
}

export function agencyUnavailable(names: readonly AgencyPartName[], consequence: string): RuleOutcome {
  const list = names.map((name) => partLabels[name]).join(' and ');
  return notAssessed('AGENCY_UNAVAILABLE', `${list} could not be read: ${consequence}`, [...names]);
}

export function missingData(detail: string): RuleOutcome {
  return notAssessed('MISSING_DATA', detail);
}

export function evidenceFrom(part: AgencyPart<unknown>, recordId: string | null, fact: string): Evidence {
  return { agency: part.agency, recordId, fact, asOf: part.asOf };
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
