/**
 * CARE_PLAN_MISSING: a care plan is prepared before the child is first placed or, where that is not
 * practicable, within 10 working days of the start of the first placement (CPPCR 2010 reg 4(2)). Judged for
 * each period of care: a plan counts for a period when it started after the previous period ended and before
 * this one did, and was still in force at its first placement (plans carry no period id in the SSD, so they
 * are matched by date). No plan after the deadline is a finding (high while the child is still in that period,
 * medium once it has ended); a plan started after the deadline is a medium finding. A period that ended before
 * the plan fell due needed none.
 */
import type { CarePlanValue } from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type RuleContext } from '../rule.js';
import { dateOf, type DayNumber } from '../time/calendar-day.js';
import { describeDue, dueDateOf, earliestDay, judgeDeadline, workingDaysAfter } from './facts/deadline.js';
import { socialCareSaid } from './facts/evidence.js';
import { firstPlacementDay, periodsOfCare, type PeriodOfCare } from './facts/periods-of-care.js';
import { withSocialCare } from './facts/readable.js';
import { optionalSocialCareDay } from '../facts/agency-days.js';
import { cannotDecide, judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const workingDaysAllowed = 10;
const needs = ['socialCare'] as const;

export const carePlanMissing = defineRule({
  id: 'CARE_PLAN_MISSING',
  title: 'No care plan within 10 working days of the first placement',
  source: {
    kind: 'LAW',
    citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 4(2)',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'LOOKED_AFTER',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) => {
      const periods = periodsOfCare(section);
      return judgeEach(
        periods,
        (period) =>
          judgePeriod(
            record,
            context,
            period,
            periods[periods.indexOf(period) - 1] ?? null,
            section.carePlans,
          ),
        (period) => `period of care ${period.id}`,
      );
    });
  },
});

function judgePeriod(
  record: JoinedChildRecord,
  context: RuleContext,
  period: PeriodOfCare,
  previous: PeriodOfCare | null,
  plans: readonly CarePlanValue[],
): SubjectVerdict {
  const placed = firstPlacementDay(period);
  if (placed > context.today) return null;
  const deadline = workingDaysAfter(context.calendar, placed, workingDaysAllowed);
  // A period that has ended is judged as of its end: a plan not made by then was never made in time.
  const asOf = period.end === null ? context.today : (Math.min(context.today, period.end) as DayNumber);
  const forPeriod = plans.filter((plan) => {
    const ended = optionalSocialCareDay(plan.endDate);
    return ended === null || ended >= placed;
  });
  // Plans are often never closed in the record, so a plan made before the previous period of care ended is that
  // period's plan, not this one's.
  const dated = forPeriod
    .map((plan) => ({ plan, start: optionalSocialCareDay(plan.startDate) }))
    .filter(
      (item) =>
        item.start !== null &&
        (previous === null || previous.end === null || item.start >= previous.end) &&
        (period.end === null || item.start < period.end),
    );
  const made = earliestDay(dated.map((item) => item.start));
  const subject = `period of care ${period.id}`;
  const state = judgeDeadline(deadline, made, asOf, subject);
  if (state === 'MET' || state === 'PENDING') return null;
  if (typeof state !== 'string') return state;
  if (forPeriod.some((plan) => plan.startDate === null))
    return cannotDecide('MISSING_DATA', `${subject}: a care plan has no start date`);

  const evidence = [
    socialCareSaid(record, period.placements[0]?.id ?? period.id, `first placement ${dateOf(placed)}`),
  ];
  const due = describeDue(deadline);
  if (state === 'OVERDUE') {
    evidence.push(socialCareSaid(record, period.id, `no care plan started by ${dateOf(asOf)}`));
    return {
      subject: { kind: 'PERIOD_OF_CARE', id: period.id },
      summary: `No care plan is recorded for the period of care whose first placement began ${dateOf(placed)}; it was due by ${due}.`,
      evidence,
      dueDate: dueDateOf(deadline),
      ...(period.end === null ? {} : { severity: 'medium' as const }),
    };
  }
  const first = dated.find((item) => item.start === made);
  evidence.push(socialCareSaid(record, first?.plan.id ?? null, `care plan started ${dateOf(made!)}`));
  return {
    subject: { kind: 'PERIOD_OF_CARE', id: period.id },
    summary: `The care plan was started ${dateOf(made!)}, after the 10 working days allowed from the first placement on ${dateOf(placed)} (due by ${due}).`,
    evidence,
    dueDate: dueDateOf(deadline),
    severity: 'medium',
  };
}
