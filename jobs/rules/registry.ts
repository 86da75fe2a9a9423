/**
 * Every reconciliation rule, in the order statutory-rules.md lists them. Adding a rule: one file, and one line in
 * its group's index.ts (README.md).
 */
import { CARE_PLANNING_RULES } from './care-planning/index.js';
import { HEALTH_EDUCATION_RULES } from './health-education/index.js';
import type { Rule } from './rule.js';
import { TRANSITION_PLACEMENT_RULES } from './transition-placement/index.js';

const order = [
  'ASSESSMENT_OVERDUE',
  'ASSESSMENT_STALE',
  'ICPC_LATE',
  'CARE_PLAN_MISSING',
  'PLACEMENT_PLAN_LATE',
  'PLACEMENT_MEETING_MISSED',
  'PLACEMENT_NOT_NOTIFIED',
  'LAC_REVIEW_LATE',
  'SW_VISIT_LATE',
  'IHA_MISSING',
  'RHA_OVERDUE',
  'HEALTH_NOT_IN_PLAN',
  'GP_NOT_LINKED',
  'PEP_OVERDUE',
  'EHCP_NEEDED',
  'EHCP_DECISION_LATE',
  'EHCP_ISSUE_LATE',
  'EHCP_REVIEW_OVERDUE',
  'PFA_MISSING',
  'LATE_ENTRY_TRANSITION',
  'PATHWAY_ASSESSMENT_LATE',
  'ADULT_TRANSITION_MISSING',
  'TRANSITION_HANDOFF_NOT_REQUESTED',
  'RHI_LATE',
  'REPEAT_MISSING_NO_REVIEW',
  'ADMISSION_NOT_MATCHED',
  'RESIDENT_MIX_RISK',
  'CORESIDENTS_NOT_INFORMED',
  'LONG_WAIT_FOR_PLACEMENT',
  'REFERRAL_OUT_OF_DATE',
  'IDENTITY_CONFLICT',
  'CHILD_VOICE_MISSING',
  'MEETING_STATUS_UNCLEAR',
];

const all = [...CARE_PLANNING_RULES, ...HEALTH_EDUCATION_RULES, ...TRANSITION_PLACEMENT_RULES];

export const rules: readonly Rule[] = [...all].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
