/**
 * PLACEMENT_PLAN_LATE: a placement plan is prepared before the placement or, where that is not practicable,
 * within 5 working days of its start (CPPCR 2010 reg 9(2)). One finding per placement: no plan after the
 * deadline (high while the child is still there, medium once the placement has ended), or a plan dated after it
 * (medium). A placement that ended before the plan fell due needed none. A plan that names no placement counts
 * for the placement it was made within the window of.
 */
import type {
  PlacementPlanValue,
  PlacementValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type RuleContext } from '../rule.js';
import { describeDue, dueDateOf, earliestDay, judgeDeadline, workingDaysAfter } from './facts/deadline.js';
import { socialCareSaid } from './facts/evidence.js';
import { aboutPlacement, placementDays } from './facts/placements.js';
import { withSocialCare } from './facts/readable.js';
import { dateOf } from '../time/calendar-day.js';
import { optionalSocialCareDay } from '../facts/agency-days.js';
import { cannotDecide, judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const workingDaysAllowed = 5;
const needs = ['socialCare'] as const;

export const placementPlanLate = defineRule({
  id: 'PLACEMENT_PLAN_LATE',
  title: 'No placement plan within 5 working days of the placement starting',
  source: {
    kind: 'LAW',
    citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 9',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'PLACEMENT',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) =>
      judgeEach(
        section.placements,
        (placement) => judgePlacement(record, context, placement, section.placementPlans),
        (placement) => `placement ${placement.id}`,
      ),
    );
  },
});

function judgePlacement(
  record: JoinedChildRecord,
  context: RuleContext,
  placement: PlacementValue,
  plans: readonly PlacementPlanValue[],
): SubjectVerdict {
  const { start, end, asOf } = placementDays(placement, context.today);
  if (start > context.today) return null;
  const deadline = workingDaysAfter(context.calendar, start, workingDaysAllowed);
  const window = { from: start, to: deadline.latest };
  const own = plans
    .map((plan) => ({ plan, day: optionalSocialCareDay(plan.date) }))
    .filter(({ plan, day }) => aboutPlacement(placement, plan, day, window));
  const made = earliestDay(own.map((item) => item.day));
  const subject = `placement ${placement.id}`;
  const state = judgeDeadline(deadline, made, asOf, subject);
  if (state === 'MET' || state === 'PENDING') return null;
  if (typeof state !== 'string') return state;
  if (own.some((item) => item.day === null))
    return cannotDecide('MISSING_DATA', `${subject}: a placement plan has no date`);

  const started = socialCareSaid(record, placement.id, `placement started ${dateOf(start)}`);
  const due = describeDue(deadline);
  if (state === 'OVERDUE')
    return {
      subject: { kind: 'PLACEMENT', id: placement.id },
      summary: `No placement plan is recorded for the placement that started ${dateOf(start)}; it was due by ${due}.`,
      evidence: [started, socialCareSaid(record, placement.id, `no placement plan dated by ${dateOf(asOf)}`)],
      dueDate: dueDateOf(deadline),
      ...(end === null || end > context.today ? {} : { severity: 'medium' as const }),
    };
  const first = own.find((item) => item.day === made);
  return {
    subject: { kind: 'PLACEMENT', id: placement.id },
    summary: `The placement plan for the placement that started ${dateOf(start)} is dated ${dateOf(made!)}, after the 5 working days allowed (due by ${due}).`,
    evidence: [
      started,
      socialCareSaid(record, first?.plan.id ?? null, `placement plan dated ${dateOf(made!)}`),
    ],
    dueDate: dueDateOf(deadline),
    severity: 'medium',
  };
}
