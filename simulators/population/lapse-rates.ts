import type { SeededRandom } from './random.js';

/**
 * How often practice slips, per child or per event, in the generated population: one place to tune how many of
 * each gap in docs/statutory-rules.md the hub will find. Most records are in order; these are the
 * realistic minority. Comments name the rule each rate feeds.
 */
export const LAPSE_RATES = {
  /** ASSESSMENT_OVERDUE: one of the child's assessments authorised after 45 working days (per child). */
  assessmentLate: 0.06,
  /** ASSESSMENT_STALE: a looked-after child whose assessment stopped being refreshed (per child). */
  assessmentStale: 0.1,
  /** ASSESSMENT_STALE: no reassessment after the latest placement move (per child). */
  assessmentNotRefreshedAfterMove: 0.1,
  /** ICPC_LATE (per conference). */
  icpcLate: 0.12,
  /** CARE_PLAN_MISSING: care plan later than 10 WD after the first placement (per care period). */
  carePlanLate: 0.04,
  /** PLACEMENT_PLAN_LATE (per placement). */
  placementPlanLate: 0.03,
  /** PLACEMENT_MEETING_MISSED: no placement planning meeting (per placement). */
  placementMeetingMissing: 0.02,
  /** PLACEMENT_MEETING_MISSED: held after the 72-hour window (per placement). */
  placementMeetingLate: 0.015,
  /** PLACEMENT_MEETING_MISSED: held without updating the risk and matching assessment (per placement). */
  placementMeetingNoRiskUpdate: 0.03,
  /** PLACEMENT_NOT_NOTIFIED (per placement). */
  placementNotNotified: 0.04,
  /** LAC_REVIEW_LATE (per review). */
  lacReviewLate: 0.015,
  /** SW_VISIT_LATE: first visit after a placement start later than a week (per placement). */
  firstVisitLate: 0.02,
  /** SW_VISIT_LATE: one long gap between visits (per child). */
  visitGap: 0.05,
  /** IHA_MISSING (per care period). */
  ihaLate: 0.08,
  /** RHA_OVERDUE: review health assessments stopped (per child). */
  rhaOverdue: 0.07,
  /** HEALTH_NOT_IN_PLAN: a GP condition, medicine or allergy left out of the care plan (per child). */
  healthLeftOutOfPlan: 0.15,
  /** HEALTH_NOT_IN_PLAN: the care plan names no GP (per child). */
  carePlanNamesNoGp: 0.04,
  /** PEP_OVERDUE: no PEP reviewed this term (per child). */
  pepNotThisTerm: 0.1,
  /** EHCP_NEEDED: share of SEN-support children with complex needs who have an EHC request (the rest have none). */
  ehcRequestedWhenComplex: 0.6,
  /** EHCP_DECISION_LATE (per request). */
  ehcDecisionLate: 0.15,
  /** EHCP_ISSUE_LATE: plans issued after 20 weeks (per plan; nationally about half are late). */
  ehcIssueLate: 0.25,
  /** EHCP_REVIEW_OVERDUE (per plan). */
  ehcReviewOverdue: 0.1,
  /** PFA_MISSING (per plan reviewed in Year 9 or later). */
  pfaMissing: 0.15,
  /** PATHWAY_ASSESSMENT_LATE: needs assessment missing or late (per eligible child). */
  pathwayAssessmentLate: 0.15,
  /** PATHWAY_ASSESSMENT_LATE: no pathway plan after the needs assessment (per eligible child). */
  pathwayPlanMissing: 0.1,
  /** LATE_ENTRY_TRANSITION: late entrants whose transition planning was not fast-tracked. */
  lateEntryNotFastTracked: 0.3,
  /** ADULT_TRANSITION_MISSING: 17-year-olds with adult needs and no referral (per child). */
  adultReferralMissing: 0.3,
  /** RHI_LATE (per missing episode). */
  rhiLate: 0.12,
  /** REPEAT_MISSING_NO_REVIEW (per children's home resident with repeat episodes). */
  repeatMissingNoReview: 0.25,
  /** ADMISSION_NOT_MATCHED: no matching / impact assessment (per children's home admission). */
  admissionNotMatched: 0.06,
  /** ADMISSION_NOT_MATCHED / RESIDENT_MIX_RISK: assessment that ignores the existing residents (per admission). */
  matchingIgnoresResidents: 0.06,
  /** CORESIDENTS_NOT_INFORMED: nobody told (per admission). */
  coresidentsNotInformed: 0.1,
  /** CORESIDENTS_NOT_INFORMED: the IROs were not told (per admission). */
  coresidentIrosNotInformed: 0.05,
  /** REFERRAL_OUT_OF_DATE: referral omits a risk, diagnosis, EHCP or missing history (per referral). */
  referralOmits: 0.08,
  /** MEETING_STATUS_UNCLEAR: a meeting recorded without type, status, purpose or attendees (per child). */
  meetingStatusUnclear: 0.08,
  /** CHILD_VOICE_MISSING: the latest reviews, one or two, where the child conveyed no views (per child). */
  childVoiceMissing: 0.05,
} as const;

/**
 * Lapses cluster: a child whose case sits with a stretched team meets several of them, while most children's
 * records are entirely in order. Each child draws a multiplier for the rates above: 0 for half of them, 2 for the
 * rest, which keeps the average rate of each gap and leaves about half the children with no gap at all.
 */
export function practiceScale(random: SeededRandom): number {
  return random.chance(0.5) ? 0 : 2;
}

/** Whether a lapse happens, at `rate` scaled by the child's practice multiplier. */
export function lapsed(random: SeededRandom, rate: number, scale: number): boolean {
  return random.chance(Math.min(1, rate * scale));
}
