/**
 * The transition and placement rules, in the order docs/statutory-rules.md lists them (registry.ts merges the
 * groups).
 */
import type { Rule } from '../rule.js';
import { admissionNotMatched } from './admission-not-matched.js';
import { adultTransitionMissing } from './adult-transition-missing.js';
import { coresidentsNotInformed } from './coresidents-not-informed.js';
import { lateEntryTransition } from './late-entry-transition.js';
import { longWaitForPlacement } from './long-wait-for-placement.js';
import { pathwayAssessmentLate } from './pathway-assessment-late.js';
import { referralOutOfDate } from './referral-out-of-date.js';
import { repeatMissingNoReview } from './repeat-missing-no-review.js';
import { residentMixRisk } from './resident-mix-risk.js';
import { rhiLate } from './rhi-late.js';
import { transitionHandoffNotRequested } from './transition-handoff-not-requested.js';

export const TRANSITION_PLACEMENT_RULES: readonly Rule[] = [
  lateEntryTransition,
  pathwayAssessmentLate,
  adultTransitionMissing,
  transitionHandoffNotRequested,
  rhiLate,
  repeatMissingNoReview,
  admissionNotMatched,
  residentMixRisk,
  coresidentsNotInformed,
  longWaitForPlacement,
  referralOutOfDate,
];
