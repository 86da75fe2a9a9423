/**
 * The looked-after child's care plan, the placement plan for the placement they are in, and the risk and matching
 * assessments made for that placement. The care plan and placement plan are reviewed at each looked-after review
 * (CPPCR reg 33 timetable, LAC_REVIEW_LATE); risk and matching assessments have no statutory timescale of their
 * own (PLACEMENT_MEETING_MISSED and ADMISSION_NOT_MATCHED judge them against the placement instead).
 */
import type {
  PlacementAssessmentValue,
  PlacementPlanValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../rules/time/calendar-day.js';
import { codeOrNull } from '../facts/codes.js';
import { shown, socialCareDayOf } from '../facts/days.js';
import { datedPlacements, placementOn, type DatedPlacement } from '../facts/placements.js';
import type { PlanItem, PlanLink, StatutoryDue } from '../plan-item.js';
import { dueOn, undecidedDue, type DueBasisKey } from '../statutory-dues.js';
import { ownedBy } from './owner.js';
import type { PlanFacts } from './plan-facts.js';

export function carePlans(facts: PlanFacts): PlanItem[] {
  const section = facts.socialCare;
  if (section === null) return [];
  const current = section.carePlans
    .map((plan) => ({ plan, start: socialCareDayOf(plan.startDate), end: socialCareDayOf(plan.endDate) }))
    .filter(({ start, end }) => start !== null && start <= facts.today && (end === null || end > facts.today))
    .sort((a, b) => (a.start as number) - (b.start as number))
    .at(-1);
  if (!current) return [];
  const reviewed = socialCareDayOf(current.plan.lastReviewedDate) ?? facts.lastReview;
  return [
    {
      kind: 'CARE_PLAN',
      agency: 'SOCIAL_CARE',
      category: 'LOOKED_AFTER',
      recordId: current.plan.id,
      date: shown(current.start),
      status: 'IN_FORCE',
      detail: null,
      lastReviewed: shown(reviewed),
      owner: ownedBy('SOCIAL_WORKER'),
      nextDue: reviewDue(facts, 'LOOKED_AFTER_REVIEW_CARE_PLAN'),
      relatesTo: periodLink(facts),
    },
  ];
}

/** The placement plan and the risk and matching assessments of the placement the child is in today. */
export function placementPlans(facts: PlanFacts): PlanItem[] {
  const section = facts.socialCare;
  if (section === null) return [];
  const current = placementOn(datedPlacements(section).dated, facts.today);
  if (!current) return [];
  const plan = section.placementPlans
    .filter((p) => p.placementId === current.placement.id)
    .map((p) => ({ plan: p, day: socialCareDayOf(p.date) }))
    .sort((a, b) => (a.day ?? -Infinity) - (b.day ?? -Infinity))
    .at(-1);
  const items: PlanItem[] = [];
  if (plan) items.push(placementPlanItem(facts, current, plan.plan, plan.day));
  for (const assessment of section.placementAssessments)
    if (assessment.placementId === current.placement.id) items.push(matchingItem(current, assessment));
  return items;
}

function placementPlanItem(
  facts: PlanFacts,
  current: DatedPlacement,
  plan: PlacementPlanValue,
  day: DayNumber | null,
): PlanItem {
  return {
    kind: 'PLACEMENT_PLAN',
    agency: 'SOCIAL_CARE',
    category: 'PLACEMENT',
    recordId: plan.id,
    date: shown(day),
    status: 'IN_FORCE',
    detail: null,
    lastReviewed: shown(
      facts.lastReview !== null && facts.lastReview >= current.start ? facts.lastReview : null,
    ),
    owner: ownedBy('SOCIAL_WORKER'),
    nextDue: reviewDue(facts, 'LOOKED_AFTER_REVIEW_PLACEMENT_PLAN'),
    relatesTo: [{ kind: 'PLACEMENT', id: current.placement.id }, ...periodLink(facts)],
  };
}

function matchingItem(current: DatedPlacement, assessment: PlacementAssessmentValue): PlanItem {
  const day = socialCareDayOf(assessment.date);
  return {
    kind: 'RISK_AND_MATCHING_ASSESSMENT',
    agency: 'SOCIAL_CARE',
    category: 'PLACEMENT',
    recordId: assessment.id,
    date: shown(day),
    status: day === null ? 'IN_PROGRESS' : 'COMPLETED',
    // The kind is a code (RISK, MATCHING, IMPACT_ON_RESIDENTS); the risks it weighed are EXPLOITATION_RISK data.
    detail: codeOrNull(assessment.kind),
    lastReviewed: null,
    owner: ownedBy('SOCIAL_WORKER'),
    nextDue: null,
    relatesTo: [{ kind: 'PLACEMENT', id: current.placement.id }],
  };
}

function reviewDue(facts: PlanFacts, basis: DueBasisKey): StatutoryDue | null {
  if (facts.lookedAfter.state === 'UNKNOWN') return undecidedDue(basis, facts.lookedAfter.why);
  const next = facts.nextReview;
  if (next === null) return null;
  return 'day' in next ? dueOn(basis, next.day, facts.today) : undecidedDue(basis, next.undecided);
}

function periodLink(facts: PlanFacts): PlanLink[] {
  return facts.lookedAfter.state === 'LOOKED_AFTER'
    ? [{ kind: 'PERIOD_OF_CARE', id: facts.lookedAfter.period.id }]
    : [];
}
