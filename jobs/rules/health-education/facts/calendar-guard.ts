/**
 * Runs the part of a rule that counts working days: a date outside the years the bank-holiday list covers cannot
 * be counted, and the rule says so (OUTSIDE_CALENDAR) rather than guessing.
 */
import { notAssessed, type RuleOutcome } from '../../rule.js';
import { OutsideCalendarError } from '../../time/working-days.js';

export function withinCalendar(evaluate: () => RuleOutcome): RuleOutcome {
  try {
    return evaluate();
  } catch (error) {
    if (error instanceof OutsideCalendarError) return notAssessed('OUTSIDE_CALENDAR', error.message);
    throw error;
  }
}
