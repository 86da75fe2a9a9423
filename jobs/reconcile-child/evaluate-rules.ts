/**
 * Runs every rule over one child's joined record. The engine, not each rule, holds the two guarantees that matter
 * most: a rule whose agency part could not be read is "not assessed" for that agency (never "no findings"), and a
 * rule that throws — a bug, or a date outside the working-day calendar — is "not assessed" with the reason, while
 * the other rules still run.
 */
import type { AgencyPartName, JoinedChildRecord } from '../rules/joined-record.js';
import { notAssessed, type Rule, type RuleContext, type RuleOutcome } from '../rules/rule.js';
import { OutsideCalendarError } from '../rules/time/working-days.js';
import type { RuleResult } from '../findings/findings-store.js';

export function evaluateRules(
  record: JoinedChildRecord,
  rules: readonly Rule[],
  context: RuleContext,
  onError?: (ruleId: string, error: unknown) => void,
): RuleResult[] {
  return rules.map((rule) => ({ rule, outcome: evaluateRule(rule, record, context, onError) }));
}

function evaluateRule(
  rule: Rule,
  record: JoinedChildRecord,
  context: RuleContext,
  onError?: (ruleId: string, error: unknown) => void,
): RuleOutcome {
  const unreadable = rule.needs.filter((part) => isUnreadable(record, part));
  if (unreadable.length > 0)
    return notAssessed(
      'AGENCY_UNAVAILABLE',
      `${unreadable.map((part) => `${part} ${record[part].state}`).join(', ')}`,
      unreadable,
    );
  try {
    return rule.evaluate(record, context);
  } catch (error) {
    if (error instanceof OutsideCalendarError)
      return notAssessed('OUTSIDE_CALENDAR', `no working-day calendar for ${error.year}`);
    onError?.(rule.id, error);
    return notAssessed('RULE_ERROR', 'the rule failed on this record');
  }
}

/** Read and failed are different: NOT_LINKED is an answer (no record there); UNAVAILABLE / TIMED_OUT are not. */
function isUnreadable(record: JoinedChildRecord, part: AgencyPartName): boolean {
  const state = record[part].state;
  return state === 'UNAVAILABLE' || state === 'TIMED_OUT';
}
