/**
 * Rules judge each subject (a placement, a review, an assessment) on its own, then combine the verdicts into one
 * outcome. A subject the rule cannot judge (a date missing, a year the working-day calendar does not cover) makes
 * the whole outcome NOT_ASSESSED: the findings store auto-resolves every open finding a DECIDED outcome leaves
 * out, so answering DECIDED with the other subjects' findings would silently close that subject's finding.
 */
import { notAssessed, decided, type Finding, type RuleOutcome } from '../../rule.js';
import { OutsideCalendarError } from '../../time/working-days.js';

export class CannotDecide {
  constructor(
    readonly reason: 'MISSING_DATA' | 'OUTSIDE_CALENDAR',
    readonly detail: string,
  ) {}
}

export const cannotDecide = (reason: CannotDecide['reason'], detail: string) =>
  new CannotDecide(reason, detail);

export type SubjectVerdict = Finding | CannotDecide | null;

/** Judges every subject; an unreadable date or an uncovered year makes that subject undecided, not an error. */
export function judgeEach<T>(
  subjects: readonly T[],
  judge: (subject: T) => SubjectVerdict | readonly SubjectVerdict[],
  describe: (subject: T) => string,
): RuleOutcome {
  const findings: Finding[] = [];
  const undecided: CannotDecide[] = [];
  for (const subject of subjects) {
    let verdicts: readonly SubjectVerdict[];
    try {
      const verdict = judge(subject);
      verdicts = Array.isArray(verdict) ? verdict : [verdict as SubjectVerdict];
    } catch (error) {
      verdicts = [undecidedBy(error, describe(subject))];
    }
    for (const verdict of verdicts) {
      if (verdict instanceof CannotDecide) undecided.push(verdict);
      else if (verdict) findings.push(verdict);
    }
  }
  return combine(findings, undecided);
}

function undecidedBy(error: unknown, subject: string): CannotDecide {
  if (error instanceof OutsideCalendarError)
    return cannotDecide('OUTSIDE_CALENDAR', `${subject}: no bank holidays for ${error.year}`);
  // dayOf / englandDayOf throw RangeError for a value that is not a date: the date is as good as missing.
  if (error instanceof RangeError) return cannotDecide('MISSING_DATA', `${subject}: a date is not readable`);
  throw error;
}

function combine(findings: Finding[], undecided: CannotDecide[]): RuleOutcome {
  const first = undecided[0];
  if (!first) return decided(findings);
  const heldBack = findings.length > 0 ? `; ${findings.length} finding(s) on other records held back` : '';
  const shown = undecided.slice(0, 5).map((item) => item.detail);
  const more = undecided.length > shown.length ? `; and ${undecided.length - shown.length} more` : '';
  return notAssessed(first.reason, `${shown.join('; ')}${more}${heldBack}`);
}
