/**
 * The health and education reconciliation rules, in the order docs/statutory-rules.md lists them (registry.ts
 * merges the groups).
 */
import type { Rule } from '../rule.js';
import { ehcpDecisionLate } from './ehcp-decision-late.js';
import { ehcpIssueLate } from './ehcp-issue-late.js';
import { ehcpNeeded } from './ehcp-needed.js';
import { ehcpReviewOverdue } from './ehcp-review-overdue.js';
import { gpNotLinked } from './gp-not-linked.js';
import { healthNotInPlan } from './health-not-in-plan.js';
import { identityConflict } from './identity-conflict.js';
import { ihaMissing } from './iha-missing.js';
import { pepOverdue } from './pep-overdue.js';
import { pfaMissing } from './pfa-missing.js';
import { rhaOverdue } from './rha-overdue.js';

export const HEALTH_EDUCATION_RULES: readonly Rule[] = [
  ihaMissing,
  rhaOverdue,
  healthNotInPlan,
  gpNotLinked,
  pepOverdue,
  ehcpNeeded,
  ehcpDecisionLate,
  ehcpIssueLate,
  ehcpReviewOverdue,
  pfaMissing,
  identityConflict,
];
