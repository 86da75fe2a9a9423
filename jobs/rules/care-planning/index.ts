/**
 * The care-planning group of reconciliation rules, in the order docs/statutory-rules.md lists them (registry.ts
 * merges the groups). How each reads the looser parts of its rule is in README.md.
 */
import type { Rule } from '../rule.js';
import { assessmentOverdue } from './assessment-overdue.js';
import { assessmentStale } from './assessment-stale.js';
import { carePlanMissing } from './care-plan-missing.js';
import { childVoiceMissing } from './child-voice-missing.js';
import { icpcLate } from './icpc-late.js';
import { lacReviewLate } from './lac-review-late.js';
import { meetingStatusUnclear } from './meeting-status-unclear.js';
import { placementMeetingMissed } from './placement-meeting-missed.js';
import { placementNotNotified } from './placement-not-notified.js';
import { placementPlanLate } from './placement-plan-late.js';
import { swVisitLate } from './sw-visit-late.js';

export const CARE_PLANNING_RULES: readonly Rule[] = [
  assessmentOverdue,
  assessmentStale,
  icpcLate,
  carePlanMissing,
  placementPlanLate,
  placementMeetingMissed,
  placementNotNotified,
  lacReviewLate,
  swVisitLate,
  childVoiceMissing,
  meetingStatusUnclear,
];
