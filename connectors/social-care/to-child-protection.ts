/** Section 47 enquiries, initial conferences, child protection plans and their reviews, from one record. */
import type { ChildRecord } from './child-record.js';
import type {
  ChildProtectionPlanValue,
  ChildProtectionReviewValue,
  InitialConferenceValue,
  S47EnquiryValue,
} from './social-care-section.js';

/** The outcome flags set to Y, named without the _FLAG suffix (NFA, CP_CONFERENCE, CIN_PLAN, ...). */
function outcomesOf(flags: Record<string, 'Y' | 'N' | null> | null): string[] {
  if (flags === null) return [];
  return Object.entries(flags)
    .filter(([, value]) => value === 'Y')
    .map(([name]) => name.replace(/_FLAG$/, ''));
}

export function toS47Enquiries(record: ChildRecord): S47EnquiryValue[] {
  return record.s47Enquiries.map((row) => ({
    id: row.s47e_s47_enquiry_id,
    referralId: row.s47e_referral_id,
    strategyDiscussionDate: row.s47e_s47_start_date,
    endDate: row.s47e_s47_end_date,
    noFurtherAction: row.s47e_s47_nfa,
    outcomes: outcomesOf(row.s47e_s47_outcome_json),
  }));
}

export function toInitialConferences(record: ChildRecord): InitialConferenceValue[] {
  return record.initialConferences.map((row) => ({
    id: row.icpc_icpc_id,
    s47EnquiryId: row.icpc_s47_enquiry_id,
    targetDate: row.icpc_icpc_target_date,
    date: row.icpc_icpc_date,
    transferIn: row.icpc_icpc_transfer_in,
    resultedInPlan: row.icpc_icpc_outcome_cp_flag,
    cpPlanId: row.icpc_cp_plan_id,
  }));
}

export function toChildProtectionPlans(record: ChildRecord): ChildProtectionPlanValue[] {
  return record.cpPlans.map((row) => ({
    id: row.cppl_cp_plan_id,
    startDate: row.cppl_cp_plan_start_date,
    endDate: row.cppl_cp_plan_end_date,
    initialCategory: row.cppl_cp_plan_initial_category,
    latestCategory: row.cppl_cp_plan_latest_category,
    initialConferenceId: row.cppl_icpc_id,
  }));
}

export function toChildProtectionReviews(record: ChildRecord): ChildProtectionReviewValue[] {
  return record.cpReviews.map((row) => ({
    id: row.cppr_cp_review_id,
    cpPlanId: row.cppr_cp_plan_id,
    dueDate: row.cppr_cp_review_due,
    date: row.cppr_cp_review_date,
    continuePlan: row.cppr_cp_review_outcome_continue_cp,
    participation: row.cppr_cp_review_participation,
  }));
}
