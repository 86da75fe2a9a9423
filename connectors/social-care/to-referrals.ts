/** Referrals (CIN episodes), Child and Family Assessments with their factors, and CIN plans, from one record. */
import type { ChildRecord } from './child-record.js';
import type { AssessmentValue, ChildInNeedPlanValue, ReferralValue } from './social-care-section.js';

export function toReferrals(record: ChildRecord): ReferralValue[] {
  return record.referrals.map((row) => ({
    id: row.cine_referral_id,
    date: row.cine_referral_date,
    primaryNeed: row.cine_cin_primary_need_code,
    source: row.cine_referral_source_code,
    noFurtherAction: row.cine_referral_nfa,
    closedDate: row.cine_close_date,
    closeReason: row.cine_close_reason,
  }));
}

/**
 * Each assessment with its CIN census factor codes (e.g. 10A missing, 11A CSE, 13A gangs, 24A CCE): the factor
 * table may hold several rows per assessment, so their codes are combined without repeats.
 */
export function toAssessments(record: ChildRecord): AssessmentValue[] {
  const factorsByAssessment = new Map<string, Set<string>>();
  for (const row of record.assessmentFactors) {
    const codes = factorsByAssessment.get(row.cinf_assessment_id) ?? new Set<string>();
    for (const code of row.cinf_assessment_factors_json ?? []) codes.add(code.trim().toUpperCase());
    factorsByAssessment.set(row.cinf_assessment_id, codes);
  }
  return record.assessments.map((row) => ({
    id: row.cina_assessment_id,
    referralId: row.cina_referral_id,
    startDate: row.cina_assessment_start_date,
    childSeen: row.cina_assessment_child_seen,
    authorisedDate: row.cina_assessment_auth_date,
    noFurtherAction: row.cina_assessment_outcome_nfa,
    factors: [...(factorsByAssessment.get(row.cina_assessment_id) ?? [])],
  }));
}

export function toChildInNeedPlans(record: ChildRecord): ChildInNeedPlanValue[] {
  return record.cinPlans.map((row) => ({
    id: row.cinp_cin_plan_id,
    referralId: row.cinp_referral_id,
    startDate: row.cinp_cin_plan_start_date,
    endDate: row.cinp_cin_plan_end_date,
  }));
}
