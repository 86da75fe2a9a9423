/**
 * A looked-after child's statutory health assessments, as social care records them: the latest completed initial
 * or review health assessment, due again 6 months later before the fifth birthday and 12 months later from it
 * (RHA_OVERDUE's `nextReviewDue`), and any assessment recorded since that was not completed (refused,
 * outstanding) — an initial one still due by the first review (IHA_MISSING). Dental checks and SDQs are not
 * statutory health assessments and are left out.
 */
import type { HealthAssessmentValue } from '../../../connectors/social-care/social-care-section.js';
import { firstReviewOf } from '../../rules/health-education/facts/first-review.js';
import { nextReviewDue } from '../../rules/health-education/rha-overdue.js';
import type { DayNumber } from '../../rules/time/calendar-day.js';
import { OutsideCalendarError } from '../../rules/time/working-days.js';
import { codeOrNull } from '../facts/codes.js';
import { shown, socialCareDayOf } from '../facts/days.js';
import type { PlanItem, StatutoryDue } from '../plan-item.js';
import { dueOn, undecidedDue } from '../statutory-dues.js';
import { ownedBy } from './owner.js';
import type { PlanFacts } from './plan-facts.js';

type Kind = 'INITIAL_HEALTH_ASSESSMENT' | 'REVIEW_HEALTH_ASSESSMENT';

const kindOf = (assessment: HealthAssessmentValue): Kind | null => {
  const type = assessment.type?.trim().toUpperCase();
  return type === 'IHA' ? 'INITIAL_HEALTH_ASSESSMENT' : type === 'RHA' ? 'REVIEW_HEALTH_ASSESSMENT' : null;
};
const isCompleted = (assessment: HealthAssessmentValue) =>
  assessment.status?.trim().toUpperCase() === 'COMPLETED';

interface Dated {
  assessment: HealthAssessmentValue;
  kind: Kind;
  day: DayNumber;
}

export function healthAssessments(facts: PlanFacts): PlanItem[] {
  const section = facts.socialCare;
  if (section === null) return [];
  const dated: Dated[] = section.healthAssessments
    .map((assessment) => ({ assessment, kind: kindOf(assessment), day: socialCareDayOf(assessment.date) }))
    .filter((item): item is Dated => item.kind !== null && item.day !== null && item.day <= facts.today)
    .sort((a, b) => a.day - b.day);
  const latest = dated.filter(({ assessment }) => isCompleted(assessment)).at(-1);
  const since = dated.filter(
    ({ assessment, day }) => !isCompleted(assessment) && (!latest || day > latest.day),
  );

  const items: PlanItem[] = [];
  if (latest) items.push(item(facts, latest, 'COMPLETED', reviewDue(facts, latest.day)));
  for (const outstanding of since) {
    const due = outstanding.kind === 'INITIAL_HEALTH_ASSESSMENT' && !latest ? initialDue(facts) : null;
    items.push(item(facts, outstanding, 'NOT_COMPLETED', due));
  }
  return items;
}

function item(
  facts: PlanFacts,
  dated: Dated,
  status: 'COMPLETED' | 'NOT_COMPLETED',
  nextDue: StatutoryDue | null,
): PlanItem {
  return {
    kind: dated.kind,
    agency: 'SOCIAL_CARE',
    category: 'HEALTH',
    recordId: dated.assessment.id,
    date: shown(dated.day),
    status,
    detail: status === 'COMPLETED' ? null : codeOrNull(dated.assessment.status),
    lastReviewed: null,
    owner: ownedBy('SOCIAL_WORKER'),
    nextDue,
    relatesTo:
      facts.lookedAfter.state === 'LOOKED_AFTER'
        ? [{ kind: 'PERIOD_OF_CARE', id: facts.lookedAfter.period.id }]
        : [],
  };
}

/** Reviews are owed only while the child is looked after. */
function reviewDue(facts: PlanFacts, latest: DayNumber): StatutoryDue | null {
  if (facts.lookedAfter.state === 'NOT_LOOKED_AFTER') return null;
  if (facts.lookedAfter.state === 'UNKNOWN')
    return undecidedDue('REVIEW_HEALTH_ASSESSMENT', facts.lookedAfter.why);
  if (facts.birth === null) return undecidedDue('REVIEW_HEALTH_ASSESSMENT', 'NO_DATE_OF_BIRTH');
  return dueOn('REVIEW_HEALTH_ASSESSMENT', nextReviewDue(facts.birth, latest).due, facts.today);
}

function initialDue(facts: PlanFacts): StatutoryDue | null {
  if (facts.lookedAfter.state !== 'LOOKED_AFTER' || facts.socialCare === null) return null;
  try {
    return dueOn(
      'INITIAL_HEALTH_ASSESSMENT',
      firstReviewOf(facts.socialCare, facts.lookedAfter.period, facts.context).due,
      facts.today,
    );
  } catch (error) {
    return undecidedDue(
      'INITIAL_HEALTH_ASSESSMENT',
      error instanceof OutsideCalendarError ? 'OUTSIDE_CALENDAR' : 'MISSING_DATA',
    );
  }
}
