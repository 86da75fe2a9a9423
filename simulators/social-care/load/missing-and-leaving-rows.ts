import type { SocialCareRecord } from '../../population/model.js';
import type { MappingContext } from './mapping-context.js';
import { teamOfWorker } from './mapping-context.js';
import type { RowSink } from './row-sink.js';
import { yn } from './values.js';

export function mapMissingAndLeavingCare(
  record: SocialCareRecord,
  context: MappingContext,
  sink: RowSink,
): void {
  const personId = record.personId;

  for (const episode of record.missingEpisodes) {
    sink.add('ssd_missing', {
      miss_table_id: episode.id,
      miss_person_id: personId,
      miss_missing_episode_start_date: episode.startDate,
      miss_missing_episode_type: episode.type,
      miss_missing_episode_end_date: episode.endDate,
      miss_missing_rhi_offered: yn(episode.rhiOffered),
      miss_missing_rhi_accepted: yn(episode.rhiAccepted),
    });
    sink.add('ssdx_missing_detail', {
      msdx_miss_table_id: episode.id,
      msdx_person_id: personId,
      msdx_rhi_date: episode.rhiDate,
      msdx_review_requested: yn(episode.reviewRequested),
    });
  }

  const leaver = record.careLeaver;
  if (leaver === null) return;
  sink.add('ssd_care_leavers', {
    clea_table_id: `${personId}-CL`,
    clea_person_id: personId,
    clea_care_leaver_eligibility: leaver.eligibility,
    clea_care_leaver_in_touch: leaver.inTouch,
    clea_care_leaver_latest_contact: null,
    clea_care_leaver_accommodation: leaver.accommodation,
    clea_care_leaver_accom_suitable: null,
    clea_care_leaver_activity: leaver.activity,
    clea_pathway_plan_review_date: leaver.pathwayPlanReviewDate,
    // The personal adviser's ssd_professionals id, so the hub can say who should act.
    clea_care_leaver_personal_advisor: leaver.personalAdviserId,
    clea_care_leaver_allocated_team: teamOfWorker(context, leaver.workerId ?? leaver.personalAdviserId),
    clea_care_leaver_worker_id: leaver.workerId,
  });
  sink.add('ssdx_care_leaver_pathway', {
    clpx_person_id: personId,
    clpx_needs_assessment_date: leaver.needsAssessmentDate,
    clpx_pathway_plan_date: leaver.pathwayPlanDate,
  });
}
