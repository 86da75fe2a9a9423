/**
 * `plansOf`: every current assessment and plan the agencies hold for one child, in one list, so a practitioner
 * sees how they relate — which placement a plan is for, which period of care, and what falls due next under which
 * rule. Overdue items first, then by due date, then those with no timescale; each item carries the data category
 * it reveals, so the gateway shows a caller only the items their role may see.
 *
 * An agency whose part could not be read contributes nothing here: the caller learns that from the part's state
 * (the gateway lists such agencies beside the items), never from an empty list.
 */
import type { JoinedChildRecord } from '../rules/joined-record.js';
import type { RuleContext } from '../rules/rule.js';
import { PLAN_KINDS, type PlanItem } from './plan-item.js';
import { carePlans, placementPlans } from './plans/care-and-placement-plans.js';
import { childAndFamilyAssessments } from './plans/child-and-family-assessments.js';
import { ehcPlans, personalEducationPlans } from './plans/education-plans.js';
import { healthAssessments } from './plans/health-assessments.js';
import { planFactsOf, type PlanFacts } from './plans/plan-facts.js';
import { careActAssessments, pathwayPlans, transitionHandoffs } from './plans/transition-plans.js';

const builders: ReadonlyArray<(facts: PlanFacts) => PlanItem[]> = [
  childAndFamilyAssessments,
  carePlans,
  placementPlans,
  healthAssessments,
  ehcPlans,
  personalEducationPlans,
  pathwayPlans,
  careActAssessments,
  transitionHandoffs,
];

export function plansOf(record: JoinedChildRecord, context: RuleContext): PlanItem[] {
  const facts = planFactsOf(record, context);
  return builders.flatMap((build) => build(facts)).sort(byUrgency);
}

const kindOrder = new Map<string, number>(PLAN_KINDS.map((kind, index) => [kind, index]));

function byUrgency(a: PlanItem, b: PlanItem): number {
  const rank = (item: PlanItem) => (item.nextDue?.overdue ? 0 : item.nextDue?.date ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.nextDue?.date ?? '').localeCompare(b.nextDue?.date ?? '') ||
    (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
    (a.date ?? '').localeCompare(b.date ?? '')
  );
}
