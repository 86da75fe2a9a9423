import type { CinEpisode, SocialCareRecord } from '../../population/model.js';
import type { MappingContext } from './mapping-context.js';
import { teamOfWorker } from './mapping-context.js';
import type { RowSink } from './row-sink.js';
import { Intervals, covers, json, yn } from './values.js';

/** The child's referrals (CIN episodes), to find the one a dated event belongs to. */
export function referralIntervals(record: SocialCareRecord): Intervals<CinEpisode> {
  return new Intervals(
    record.cinEpisodes,
    (e) => e.referralDate,
    (e) => e.closeDate,
  );
}

export function mapCin(record: SocialCareRecord, context: MappingContext, sink: RowSink): void {
  const personId = record.personId;
  const cinVisits = record.visits.filter((v) => v.kind === 'CIN');

  for (const episode of record.cinEpisodes) {
    const assessed = record.assessments.some((a) => a.referralId === episode.referralId);
    const strategy = record.s47Enquiries.some((s) => s.referralId === episode.referralId);
    sink.add('ssd_cin_episodes', {
      cine_referral_id: episode.referralId,
      cine_person_id: personId,
      cine_referral_date: episode.referralDate,
      cine_cin_primary_need_code: episode.primaryNeed,
      cine_referral_source_code: null,
      cine_referral_source_desc: null,
      cine_referral_outcome_json: json({
        SINGLE_ASSESSMENT_FLAG: yn(assessed),
        STRAT_MEETING_FLAG: yn(strategy),
        NFA_FLAG: yn(!assessed && !strategy),
      }),
      cine_referral_nfa: yn(!assessed && !strategy),
      cine_close_reason: episode.closeReason,
      cine_close_date: episode.closeDate,
      cine_referral_team: teamOfWorker(context, episode.workerId),
      cine_referral_worker_id: episode.workerId,
    });

    // The model has no CIN plans of its own: a plan runs from the first CIN visit of an episode to its close.
    const firstVisit = cinVisits
      .filter((v) => covers(episode.referralDate, episode.closeDate, v.date))
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date))[0];
    if (firstVisit !== undefined) {
      sink.add('ssd_cin_plans', {
        cinp_cin_plan_id: `${episode.referralId}-CINP`,
        cinp_referral_id: episode.referralId,
        cinp_person_id: personId,
        cinp_cin_plan_start_date: firstVisit.date,
        cinp_cin_plan_end_date: episode.closeDate,
        cinp_cin_plan_team: teamOfWorker(context, episode.workerId),
        cinp_cin_plan_worker_id: episode.workerId,
      });
    }
  }

  for (const assessment of record.assessments) {
    const authorised = assessment.authorisedDate !== null;
    sink.add('ssd_cin_assessments', {
      cina_assessment_id: assessment.id,
      cina_person_id: personId,
      cina_referral_id: assessment.referralId,
      cina_assessment_start_date: assessment.startDate,
      cina_assessment_child_seen: yn(assessment.childSeenDate !== null),
      cina_assessment_auth_date: assessment.authorisedDate,
      cina_assessment_outcome_json: authorised
        ? json({ NFA_FLAG: 'N', OTHER_OUTCOMES_EXIST_FLAG: 'Y' })
        : null,
      cina_assessment_outcome_nfa: authorised ? 'N' : null,
      cina_assessment_team: teamOfWorker(context, assessment.workerId),
      cina_assessment_worker_id: assessment.workerId,
    });
    sink.add('ssd_assessment_factors', {
      cinf_table_id: `${assessment.id}-F`,
      cinf_assessment_id: assessment.id,
      cinf_assessment_factors_json: json(assessment.factors),
    });
  }

  for (const visit of cinVisits) {
    sink.add('ssd_cin_visits', {
      cinv_cin_visit_id: visit.id,
      cinv_person_id: personId,
      cinv_cin_visit_date: visit.date,
      cinv_cin_visit_seen: yn(visit.childSeen),
      cinv_cin_visit_seen_alone: null,
      cinv_cin_visit_bedroom: null,
    });
  }
}
