import type { ClaEpisode, SocialCareRecord } from '../../population/model.js';
import { referralIntervals } from './cin-rows.js';
import type { MappingContext } from './mapping-context.js';
import type { RowSink } from './row-sink.js';
import { Intervals, json, yn } from './values.js';

function byStart<T extends { startDate: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate));
}

/** ssd_legal_status rows: consecutive episodes of one period with the same legal status make one row. */
function mapLegalStatus(record: SocialCareRecord, sink: RowSink): void {
  let run: { first: ClaEpisode; last: ClaEpisode } | null = null;
  const flush = () => {
    if (run === null) return;
    sink.add('ssd_legal_status', {
      lega_legal_status_id: `${run.first.id}-LS`,
      lega_person_id: record.personId,
      lega_legal_status: run.first.legalStatus,
      lega_legal_status_start_date: run.first.startDate,
      lega_legal_status_end_date: run.last.ceasedDate,
    });
  };
  for (const episode of byStart(record.claEpisodes)) {
    if (run && run.last.periodId === episode.periodId && run.last.legalStatus === episode.legalStatus) {
      run.last = episode;
    } else {
      flush();
      run = { first: episode, last: episode };
    }
  }
  flush();
}

export function mapLookedAfter(record: SocialCareRecord, _context: MappingContext, sink: RowSink): void {
  const personId = record.personId;
  const placementsByStart = byStart(record.placements);
  const periodOfEpisode = new Map(record.claEpisodes.map((e) => [e.id, e.periodId]));
  const referrals = referralIntervals(record);
  // The period of care (clae_cla_id) a dated event belongs to.
  const episodes = new Intervals(
    record.claEpisodes,
    (e) => e.startDate,
    (e) => e.ceasedDate,
  );
  const periodAt = (at: string) => episodes.at(at)?.periodId ?? null;

  for (const episode of record.claEpisodes) {
    sink.add('ssd_cla_episodes', {
      clae_cla_episode_id: episode.id,
      clae_person_id: personId,
      clae_cla_placement_id: placementsByStart.find((p) => p.claEpisodeId === episode.id)?.id ?? null,
      clae_cla_episode_start_date: episode.startDate,
      clae_cla_episode_start_reason: episode.startReason,
      clae_cla_primary_need_code: episode.needCode,
      clae_cla_episode_ceased_date: episode.ceasedDate,
      clae_cla_episode_ceased_reason: episode.ceasedReason,
      clae_cla_id: episode.periodId,
      clae_referral_id: referrals.at(episode.enteredCareDate)?.referralId ?? null,
      clae_cla_last_iro_contact_date: episode.lastIroContactDate,
      clae_entered_care_date: episode.enteredCareDate,
    });
  }
  mapLegalStatus(record, sink);

  for (const placement of record.placements) {
    sink.add('ssd_cla_placement', {
      clap_cla_placement_id: placement.id,
      clap_cla_id: periodOfEpisode.get(placement.claEpisodeId) ?? null,
      clap_person_id: personId,
      clap_cla_placement_start_date: placement.startDate,
      clap_cla_placement_type: placement.type,
      clap_cla_placement_urn: placement.urn,
      clap_cla_placement_distance: placement.distanceMiles,
      clap_cla_placement_provider: placement.providerCode,
      clap_cla_placement_postcode: placement.postcode,
      clap_cla_placement_end_date: placement.endDate,
      clap_cla_placement_change_reason: placement.changeReason,
    });
    sink.add('ssdx_placement_detail', {
      pldx_placement_id: placement.id,
      pldx_person_id: personId,
      pldx_cla_episode_id: placement.claEpisodeId,
      pldx_residential_unit_id: placement.residentialUnitId,
      pldx_intended_end_date: placement.intendedEndDate,
      pldx_long_term: yn(placement.isLongTerm),
      pldx_awaiting_long_term: yn(placement.awaitingLongTermPlacement),
      pldx_last_panel_review_date: placement.lastPanelReviewDate,
    });
  }

  for (const review of record.claReviews) {
    sink.add('ssd_cla_reviews', {
      clar_cla_review_id: review.id,
      clar_cla_id: periodAt(review.dueDate),
      clar_cla_review_due_date: review.dueDate,
      clar_cla_review_date: review.date,
      clar_cla_review_cancelled: 'N',
      clar_cla_review_participation: review.participation,
    });
  }

  for (const check of record.healthAssessments) {
    sink.add('ssd_cla_health', {
      clah_health_check_id: check.id,
      clah_person_id: personId,
      clah_health_check_type: check.type,
      clah_health_check_date: check.date,
      clah_health_check_status: check.status,
    });
  }

  for (const plan of record.carePlans) {
    sink.add('ssd_cla_care_plan', {
      lacp_table_id: plan.id,
      lacp_person_id: personId,
      lacp_cla_care_plan_start_date: plan.startDate,
      lacp_cla_care_plan_end_date: null,
      lacp_cla_care_plan_json: json({
        PERMANENCE_PLAN: plan.permanencePlan,
        LAST_REVIEWED_DATE: plan.lastReviewedDate,
      }),
    });
    sink.add('ssdx_care_plan_health', {
      cphs_care_plan_id: plan.id,
      cphs_person_id: personId,
      cphs_gp_name: plan.health.gpName,
      cphs_gp_practice_code: plan.health.gpPracticeCode,
      cphs_conditions_json: json(plan.health.conditions),
      cphs_medications_json: json(plan.health.medications),
      cphs_allergies_json: json(plan.health.allergies),
    });
  }

  for (const plan of record.placementPlans) {
    sink.add('ssdx_placement_plan', {
      plpl_plan_id: plan.id,
      plpl_person_id: personId,
      plpl_placement_id: plan.placementId,
      plpl_plan_date: plan.date,
    });
  }

  for (const visit of record.visits) {
    if (visit.kind !== 'CLA') continue;
    sink.add('ssd_cla_visits', {
      clav_cla_visit_id: visit.id,
      clav_cla_id: periodAt(visit.date),
      clav_person_id: personId,
      clav_cla_visit_date: visit.date,
      clav_cla_visit_seen: yn(visit.childSeen),
      clav_cla_visit_seen_alone: null,
    });
  }
}
