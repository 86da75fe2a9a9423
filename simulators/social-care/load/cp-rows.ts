import type { CpPlan, SocialCareRecord } from '../../population/model.js';
import { referralIntervals } from './cin-rows.js';
import type { MappingContext } from './mapping-context.js';
import { teamOfWorker } from './mapping-context.js';
import type { RowSink } from './row-sink.js';
import { Intervals, json, yn } from './values.js';

/** The CP plan an initial conference led to: the first plan starting on or after the conference. */
function planFromConference(record: SocialCareRecord, conferenceDate: string): CpPlan | null {
  const day = conferenceDate.slice(0, 10);
  const later = record.cpPlans
    .filter((p) => p.startDate.slice(0, 10) >= day)
    .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate));
  return later[0] ?? null;
}

export function mapChildProtection(record: SocialCareRecord, context: MappingContext, sink: RowSink): void {
  const personId = record.personId;
  const conferenceOfPlan = new Map<string, string>();
  const referrals = referralIntervals(record);
  const plans = new Intervals(
    record.cpPlans,
    (p) => p.startDate,
    (p) => p.endDate,
  );

  for (const enquiry of record.s47Enquiries) {
    const worker = record.cinEpisodes.find((e) => e.referralId === enquiry.referralId)?.workerId ?? null;
    sink.add('ssd_s47_enquiry', {
      s47e_s47_enquiry_id: enquiry.id,
      s47e_referral_id: enquiry.referralId,
      s47e_person_id: personId,
      s47e_s47_start_date: enquiry.startDate,
      s47e_s47_end_date: enquiry.endDate,
      s47e_s47_nfa: enquiry.outcome === null ? null : yn(enquiry.outcome === 'NFA'),
      s47e_s47_outcome_json:
        enquiry.outcome === null
          ? null
          : json({
              NFA_FLAG: yn(enquiry.outcome === 'NFA'),
              CP_CONFERENCE_FLAG: yn(enquiry.outcome === 'ICPC'),
              CIN_PLAN_FLAG: yn(enquiry.outcome === 'CIN'),
            }),
      s47e_s47_completed_by_team: teamOfWorker(context, worker),
      s47e_s47_completed_by_worker_id: worker,
    });

    const icpc = enquiry.icpc;
    if (icpc === null) continue;
    const plan =
      icpc.outcome === 'CP_PLAN' && icpc.date !== null ? planFromConference(record, icpc.date) : null;
    if (plan) conferenceOfPlan.set(plan.id, icpc.id);
    sink.add('ssd_initial_cp_conference', {
      icpc_icpc_id: icpc.id,
      icpc_icpc_meeting_id: null,
      icpc_s47_enquiry_id: enquiry.id,
      icpc_person_id: personId,
      icpc_cp_plan_id: plan?.id ?? null,
      icpc_referral_id: enquiry.referralId,
      icpc_icpc_transfer_in: 'N',
      icpc_icpc_target_date: icpc.targetDate,
      icpc_icpc_date: icpc.date,
      icpc_icpc_outcome_cp_flag: icpc.outcome === null ? null : yn(icpc.outcome === 'CP_PLAN'),
      icpc_icpc_outcome_json:
        icpc.outcome === null ? null : json({ CP_PLAN_FLAG: yn(icpc.outcome === 'CP_PLAN') }),
      icpc_icpc_team: teamOfWorker(context, worker),
      icpc_icpc_worker_id: worker,
    });
  }

  for (const plan of record.cpPlans) {
    sink.add('ssd_cp_plans', {
      cppl_cp_plan_id: plan.id,
      cppl_referral_id: referrals.at(plan.startDate)?.referralId ?? null,
      cppl_icpc_id: conferenceOfPlan.get(plan.id) ?? null,
      cppl_person_id: personId,
      cppl_cp_plan_start_date: plan.startDate,
      cppl_cp_plan_end_date: plan.endDate,
      cppl_cp_plan_ola: 'N',
      cppl_cp_plan_initial_category: plan.category,
      cppl_cp_plan_latest_category: plan.category,
    });
  }

  for (const visit of record.visits) {
    if (visit.kind !== 'CP') continue;
    sink.add('ssd_cp_visits', {
      cppv_cp_visit_id: visit.id,
      cppv_person_id: personId,
      cppv_cp_plan_id: plans.at(visit.date)?.id ?? null,
      cppv_cp_visit_date: visit.date,
      cppv_cp_visit_seen: yn(visit.childSeen),
      cppv_cp_visit_seen_alone: null,
      cppv_cp_visit_bedroom: null,
    });
  }

  for (const review of record.cpReviews) {
    const plan = plans.at(review.dueDate);
    const continues =
      review.date === null || plan === null
        ? null
        : plan.endDate === null || Date.parse(plan.endDate) > Date.parse(review.date);
    sink.add('ssd_cp_reviews', {
      cppr_cp_review_id: review.id,
      cppr_person_id: personId,
      cppr_cp_plan_id: plan?.id ?? null,
      cppr_cp_review_due: review.dueDate,
      cppr_cp_review_date: review.date,
      cppr_cp_review_meeting_id: null,
      cppr_cp_review_outcome_continue_cp: yn(continues),
      cppr_cp_review_quorate: null,
      cppr_cp_review_participation: review.participation,
    });
  }
}
