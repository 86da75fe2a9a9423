/**
 * Education's plans: each EHC needs assessment still running or plan in force, with the statutory clock that runs
 * on it — the decision 6 weeks from the request (EHCP_DECISION_LATE), the final plan 20 weeks from it
 * (EHCP_ISSUE_LATE), then an annual review 12 months from the plan or the last review (EHCP_REVIEW_OVERDUE) — and
 * a looked-after child's Personal Education Plan, reviewed termly: by the end of the term after the one it was
 * last written or reviewed in (PEP_OVERDUE). Refused, withdrawn and ceased EHC requests are not current.
 */
import type {
  EhcNeedsAssessmentValue,
  PersonalEducationPlanValue,
} from '../../../connectors/education/education-section.js';
import { DECISION_DAYS } from '../../rules/health-education/ehcp-decision-late.js';
import { ISSUE_DAYS } from '../../rules/health-education/ehcp-issue-late.js';
import { schoolTermOf } from '../../rules/time/ages.js';
import { addDays, addMonths, type DayNumber } from '../../rules/time/calendar-day.js';
import { educationDayOf, shown } from '../facts/days.js';
import type { PlanItem, PlanStatus, StatutoryDue } from '../plan-item.js';
import { dueOn, undecidedDue } from '../statutory-dues.js';
import { ownedBy } from './owner.js';
import type { PlanFacts } from './plan-facts.js';

export function ehcPlans(facts: PlanFacts): PlanItem[] {
  return (facts.education?.ehcNeedsAssessments ?? []).flatMap((plan) => {
    const item = ehcItem(facts, plan);
    return item ? [item] : [];
  });
}

function ehcItem(facts: PlanFacts, plan: EhcNeedsAssessmentValue): PlanItem | null {
  if (plan.status === 'CEASED' || plan.status === 'REFUSED' || plan.decisionOutcome === 'W') return null;
  const requested = educationDayOf(plan.requestDate);
  if (requested === null || requested > facts.today) return null;
  const issued = educationDayOf(plan.finalPlanDate);
  const reviews = plan.annualReviews
    .map((review) => educationDayOf(review.date))
    .filter((day): day is DayNumber => day !== null && day <= facts.today)
    .sort((a, b) => a - b);
  const lastReview = reviews.at(-1) ?? null;

  let status: PlanStatus;
  let date: DayNumber | null;
  let nextDue: StatutoryDue;
  if (plan.status === 'ISSUED' || plan.finalPlanDate !== null) {
    status = 'IN_FORCE';
    date = issued;
    const from = lastReview ?? issued;
    nextDue =
      from === null
        ? undecidedDue('EHC_ANNUAL_REVIEW', 'MISSING_DATA')
        : dueOn('EHC_ANNUAL_REVIEW', addMonths(from, 12), facts.today);
  } else if (plan.decisionDate === null) {
    status = 'REQUESTED';
    date = requested;
    nextDue = dueOn('EHC_DECISION', addDays(requested, DECISION_DAYS), facts.today);
  } else {
    status = 'IN_PROGRESS';
    date = requested;
    nextDue = dueOn('EHC_FINAL_PLAN', addDays(requested, ISSUE_DAYS), facts.today);
  }
  return {
    kind: 'EHC_PLAN',
    agency: 'EDUCATION',
    category: 'SEND',
    recordId: plan.id,
    date: shown(date),
    status,
    detail: plan.status,
    lastReviewed: shown(lastReview),
    owner: ownedBy('SENCO'),
    nextDue,
    relatesTo: [],
  };
}

/** The last day of the term after the one containing `day` (terms: 1 Sep–31 Dec, 1 Jan–31 Mar, 1 Apr–31 Aug). */
export function endOfFollowingTerm(day: DayNumber): DayNumber {
  return schoolTermOf(addDays(schoolTermOf(day).end, 1)).end;
}

/** The PEP of a child looked after today (or whose social care could not be read, so may be). */
export function personalEducationPlans(facts: PlanFacts): PlanItem[] {
  if (facts.lookedAfter.state === 'NOT_LOOKED_AFTER') return [];
  const entered = facts.lookedAfter.state === 'LOOKED_AFTER' ? facts.lookedAfter.period.entered : null;
  const latest = (facts.education?.personalEducationPlans ?? [])
    .map((pep) => activityOf(pep, facts.today))
    .filter(
      (a): a is Activity =>
        a !== null && a.written <= facts.today && (entered === null || a.written >= entered),
    )
    .sort((a, b) => a.latest - b.latest || a.written - b.written)
    .at(-1);
  if (!latest) return [];
  return [
    {
      kind: 'PERSONAL_EDUCATION_PLAN',
      agency: 'EDUCATION',
      category: 'EDUCATION',
      recordId: latest.pep.id,
      date: shown(latest.written),
      status: 'IN_FORCE',
      detail: null,
      lastReviewed: shown(latest.reviewed),
      owner: ownedBy('VIRTUAL_SCHOOL_HEAD'),
      nextDue:
        facts.lookedAfter.state === 'LOOKED_AFTER'
          ? dueOn('PEP_REVIEW', endOfFollowingTerm(latest.latest), facts.today)
          : undecidedDue('PEP_REVIEW', facts.lookedAfter.why),
      relatesTo:
        facts.lookedAfter.state === 'LOOKED_AFTER'
          ? [{ kind: 'PERIOD_OF_CARE', id: facts.lookedAfter.period.id }]
          : [],
    },
  ];
}

interface Activity {
  pep: PersonalEducationPlanValue;
  written: DayNumber;
  reviewed: DayNumber | null;
  /** The later of written and reviewed. */
  latest: DayNumber;
}

function activityOf(pep: PersonalEducationPlanValue, today: DayNumber): Activity | null {
  const written = educationDayOf(pep.date);
  if (written === null) return null;
  const recorded = educationDayOf(pep.reviewedDate);
  const reviewed = recorded !== null && recorded <= today ? recorded : null;
  return {
    pep,
    written,
    reviewed,
    latest: (reviewed !== null && reviewed > written ? reviewed : written) as DayNumber,
  };
}
