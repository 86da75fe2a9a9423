/**
 * Child and Family Assessments: each one in progress, due to be authorised 45 working days from its start
 * (ASSESSMENT_OVERDUE), and the latest authorised one, due again — while the case is open — when it reaches the
 * local threshold, or at the latest placement move if that came after it (ASSESSMENT_STALE).
 */
import type { AssessmentValue } from '../../../connectors/social-care/social-care-section.js';
import { openCaseOn } from '../../rules/care-planning/facts/open-case.js';
import { addMonths, type DayNumber } from '../../rules/time/calendar-day.js';
import { OutsideCalendarError } from '../../rules/time/working-days.js';
import { shown, socialCareDayOf } from '../facts/days.js';
import type { PlanItem, StatutoryDue } from '../plan-item.js';
import { dueOn, undecidedDue } from '../statutory-dues.js';
import { ownedBy } from './owner.js';
import type { PlanFacts } from './plan-facts.js';

const AUTHORISE_WITHIN_WORKING_DAYS = 45;

export function childAndFamilyAssessments(facts: PlanFacts): PlanItem[] {
  const section = facts.socialCare;
  if (section === null) return [];
  const dated = section.assessments.map((assessment) => ({
    assessment,
    start: socialCareDayOf(assessment.startDate),
    authorised: socialCareDayOf(assessment.authorisedDate),
  }));
  const inProgress = dated.filter(
    (item) => item.assessment.authorisedDate === null && item.start !== null && item.start <= facts.today,
  );
  const latest = dated
    .filter((item): item is typeof item & { authorised: DayNumber } => item.authorised !== null)
    .filter((item) => item.authorised <= facts.today)
    .sort((a, b) => a.authorised - b.authorised)
    .at(-1);

  const items = inProgress.map(({ assessment, start }) =>
    item(assessment, 'IN_PROGRESS', start, authorisationDue(facts, start as DayNumber)),
  );
  if (latest)
    items.push(
      item(latest.assessment, 'COMPLETED', latest.authorised, reassessmentDue(facts, latest.authorised)),
    );
  return items;
}

function item(
  assessment: AssessmentValue,
  status: 'IN_PROGRESS' | 'COMPLETED',
  day: DayNumber | null,
  nextDue: StatutoryDue | null,
): PlanItem {
  return {
    kind: 'CHILD_AND_FAMILY_ASSESSMENT',
    agency: 'SOCIAL_CARE',
    category: 'SOCIAL_CARE',
    recordId: assessment.id,
    date: shown(day),
    status,
    detail: null,
    lastReviewed: null,
    owner: ownedBy('SOCIAL_WORKER'),
    nextDue,
    relatesTo: assessment.referralId === null ? [] : [{ kind: 'REFERRAL', id: assessment.referralId }],
  };
}

function authorisationDue(facts: PlanFacts, start: DayNumber): StatutoryDue {
  try {
    return dueOn(
      'ASSESSMENT_AUTHORISED',
      facts.context.calendar.addWorkingDays(start, AUTHORISE_WITHIN_WORKING_DAYS),
      facts.today,
    );
  } catch (error) {
    if (error instanceof OutsideCalendarError)
      return undecidedDue('ASSESSMENT_AUTHORISED', 'OUTSIDE_CALENDAR');
    throw error;
  }
}

/** Null while the case is closed: a closed case's assessment is not kept up to date. */
function reassessmentDue(facts: PlanFacts, authorised: DayNumber): StatutoryDue | null {
  const section = facts.socialCare;
  if (section === null) return null;
  let open: ReturnType<typeof openCaseOn>;
  try {
    open = openCaseOn(section, facts.today);
  } catch {
    return undecidedDue('REASSESSMENT', 'MISSING_DATA');
  }
  if (open === null) return null;
  const byAge = addMonths(authorised, facts.context.config.staleAssessmentMonths);
  const move = latestMove(facts);
  const due = move !== null && move > authorised && move < byAge ? move : byAge;
  return dueOn('REASSESSMENT', due, facts.today);
}

/** Coming into care or the latest placement start in the current period of care, up to today. */
function latestMove(facts: PlanFacts): DayNumber | null {
  if (facts.lookedAfter.state !== 'LOOKED_AFTER' || facts.socialCare === null) return null;
  const entered = facts.lookedAfter.period.entered;
  const starts = facts.socialCare.placements
    .map((placement) => socialCareDayOf(placement.startDate))
    .filter((day): day is DayNumber => day !== null && day >= entered && day <= facts.today);
  return Math.max(entered, ...starts) as DayNumber;
}
