/**
 * The local-practice windows the rules use: statutory timescales are fixed in the rules themselves; these vary by
 * authority, so they are configuration with documented defaults (statutory-rules.md).
 */
import { defineConfigSection, envInt } from '../../platform/config.js';

export interface RulesConfig {
  /** PLACEMENT_MEETING_MISSED: hours after a placement starts by which the placement planning meeting is held. */
  placementMeetingHours: number;
  /** ASSESSMENT_STALE / REFERRAL_OUT_OF_DATE: the age (months) at which the latest completed assessment is stale. */
  staleAssessmentMonths: number;
  /** LONG_WAIT_FOR_PLACEMENT: days waiting for a long-term placement the tracking panel tolerates. */
  longWaitDays: number;
  /** REPEAT_MISSING_NO_REVIEW: missing episodes within the window that call for a review. */
  repeatMissingCount: number;
  repeatMissingWindowDays: number;
  /** ADULT_TRANSITION_MISSING: the age from which a Care Act s58 assessment or referral is expected. */
  adultTransitionAge: number;
  /** LATE_ENTRY_TRANSITION: months after a late entry to care by which transition planning has started. */
  lateEntryPlanningMonths: number;
  /** PATHWAY_ASSESSMENT_LATE: weeks after the needs assessment by which the pathway plan is written. */
  pathwayPlanWeeks: number;
  /** ADMISSION_NOT_MATCHED: days after an admission by which the matching / impact assessment is recorded. */
  admissionMatchingDays: number;
  /** CORESIDENTS_NOT_INFORMED: working days after an admission by which the residents' workers are told. */
  coresidentNoticeWorkingDays: number;
}

export const rulesDefaults: RulesConfig = {
  placementMeetingHours: 72,
  staleAssessmentMonths: 12,
  longWaitDays: 90,
  repeatMissingCount: 3,
  repeatMissingWindowDays: 90,
  adultTransitionAge: 17,
  lateEntryPlanningMonths: 3,
  pathwayPlanWeeks: 6,
  admissionMatchingDays: 1,
  coresidentNoticeWorkingDays: 1,
};

export const rulesConfigSection = defineConfigSection(
  'rules',
  {
    RULE_PLACEMENT_MEETING_HOURS: envInt(rulesDefaults.placementMeetingHours, { min: 1, max: 24 * 30 }),
    RULE_STALE_ASSESSMENT_MONTHS: envInt(rulesDefaults.staleAssessmentMonths, { min: 1, max: 60 }),
    RULE_LONG_WAIT_DAYS: envInt(rulesDefaults.longWaitDays, { min: 1, max: 3650 }),
    RULE_REPEAT_MISSING_COUNT: envInt(rulesDefaults.repeatMissingCount, { min: 2, max: 100 }),
    RULE_REPEAT_MISSING_WINDOW_DAYS: envInt(rulesDefaults.repeatMissingWindowDays, { min: 1, max: 3650 }),
    RULE_ADULT_TRANSITION_AGE: envInt(rulesDefaults.adultTransitionAge, { min: 14, max: 18 }),
    RULE_LATE_ENTRY_PLANNING_MONTHS: envInt(rulesDefaults.lateEntryPlanningMonths, { min: 1, max: 24 }),
    RULE_PATHWAY_PLAN_WEEKS: envInt(rulesDefaults.pathwayPlanWeeks, { min: 1, max: 52 }),
    RULE_ADMISSION_MATCHING_DAYS: envInt(rulesDefaults.admissionMatchingDays, { min: 0, max: 30 }),
    RULE_CORESIDENT_NOTICE_WORKING_DAYS: envInt(rulesDefaults.coresidentNoticeWorkingDays, {
      min: 0,
      max: 20,
    }),
  },
  (env): RulesConfig => ({
    placementMeetingHours: env.RULE_PLACEMENT_MEETING_HOURS,
    staleAssessmentMonths: env.RULE_STALE_ASSESSMENT_MONTHS,
    longWaitDays: env.RULE_LONG_WAIT_DAYS,
    repeatMissingCount: env.RULE_REPEAT_MISSING_COUNT,
    repeatMissingWindowDays: env.RULE_REPEAT_MISSING_WINDOW_DAYS,
    adultTransitionAge: env.RULE_ADULT_TRANSITION_AGE,
    lateEntryPlanningMonths: env.RULE_LATE_ENTRY_PLANNING_MONTHS,
    pathwayPlanWeeks: env.RULE_PATHWAY_PLAN_WEEKS,
    admissionMatchingDays: env.RULE_ADMISSION_MATCHING_DAYS,
    coresidentNoticeWorkingDays: env.RULE_CORESIDENT_NOTICE_WORKING_DAYS,
  }),
);
