/**
 * The contract every reconciliation rule meets (one rule a file, listed in registry.ts). A rule is a pure function
 * of one child's joined record, a clock and configuration: no I/O, no randomness, no `new Date()`. It returns
 * either the findings it sees (none is a real answer: the rule decided and found nothing) or that it could not
 * decide, and why — an agency it needs could not be read, a date it needs is missing, or the working-day calendar
 * does not cover the period. A rule that cannot decide never passes silently.
 */
import type { DataCategory } from '../../schema/data-categories.js';
import type { AgencyPartName, JoinedChildRecord } from './joined-record.js';
import type { DayNumber } from './time/calendar-day.js';
import type { WorkingDayCalendar } from './time/working-days.js';
import type { RulesConfig } from './rules-config.js';

export type Severity = 'high' | 'medium' | 'low';

/** Who must act on a finding, as a role; the reader fills in the person where an agency records one. */
export type OwnerRole =
  | 'SOCIAL_WORKER'
  | 'TEAM_MANAGER'
  | 'IRO'
  | 'GP'
  | 'HEALTH_PROFESSIONAL'
  | 'SENCO'
  | 'VIRTUAL_SCHOOL_HEAD'
  | 'TRANSITION_WORKER'
  | 'PANEL';

export interface RuleSource {
  kind: 'LAW' | 'STATUTORY_GUIDANCE' | 'LOCAL_POLICY' | 'LEARNING_REVIEW';
  /** e.g. "CPPCR 2010 reg 9", "Working Together to Safeguard Children 2023". */
  citation: string;
}

/** One fact a finding rests on: which agency said what, as of when. */
export interface Evidence {
  agency: 'SOCIAL_CARE' | 'HEALTH' | 'EDUCATION' | 'ADULT_SERVICES' | 'IDENTITY';
  /** The agency's record id the fact comes from, when there is one. */
  recordId: string | null;
  /** A short statement of the fact, with dates, no names (e.g. "placement started 2026-03-02"). */
  fact: string;
  /** When the agency was read. */
  asOf: string | null;
}

export interface Finding {
  /** What the finding is about: a record (placement, assessment, EHCP...) or the child as a whole. */
  subject: { kind: string; id: string };
  /** One sentence for the person who must act, no names or identifiers. */
  summary: string;
  evidence: Evidence[];
  /** When the action fell due (YYYY-MM-DD), where the rule has a deadline. */
  dueDate: string | null;
  /** Overrides the rule's default severity for this finding (e.g. a deadline long passed). */
  severity?: Severity;
  /** Overrides the rule's default owner. */
  owner?: OwnerRole;
}

export type RuleOutcome =
  | { kind: 'DECIDED'; findings: Finding[] }
  | {
      kind: 'NOT_ASSESSED';
      /** AGENCY_UNAVAILABLE, MISSING_DATA, OUTSIDE_CALENDAR... */
      reason: string;
      /** The agencies whose parts were needed but not readable. */
      agencies: AgencyPartName[];
      detail: string;
    };

export interface RuleContext {
  /** The instant the rule is evaluated at, and its date in England. */
  now: Date;
  today: DayNumber;
  calendar: WorkingDayCalendar;
  config: RulesConfig;
}

export interface Rule {
  id: string;
  title: string;
  source: RuleSource;
  severity: Severity;
  owner: OwnerRole;
  /** The data category a finding reveals (the gateway shows a finding only to roles that may see it). */
  category: DataCategory;
  /** The agency parts the rule reads; if one it needs is not OK, it says NOT_ASSESSED. */
  needs: readonly AgencyPartName[];
  evaluate(record: JoinedChildRecord, context: RuleContext): RuleOutcome;
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze(rule);
}

export const decided = (findings: Finding[]): RuleOutcome => ({ kind: 'DECIDED', findings });

export const notAssessed = (
  reason: string,
  detail: string,
  agencies: AgencyPartName[] = [],
): RuleOutcome => ({ kind: 'NOT_ASSESSED', reason, detail, agencies });
