/**
 * The child's social care chronology: one dated event per thing that happened, each with a stable kind and the
 * data category it reveals (so the gateway can drop events a caller may not see). Summaries carry codes only,
 * never names or free text.
 */
import type { ChildRecord } from './child-record.js';
import type { ChronologyEventValue, DataCategory, SocialCareEventKind } from './graphql-values.js';
import { compare, groupBy } from './lists.js';
import type { ClaEpisodeRow } from './payload-schemas.js';
import { legalStatusAt } from './to-looked-after.js';

function event(
  kind: SocialCareEventKind,
  category: DataCategory,
  at: string | null,
  summary: string,
  recordId: string,
): ChronologyEventValue[] {
  return at === null ? [] : [{ at, agency: 'SOCIAL_CARE', kind, summary, recordId, category }];
}

const withCode = (text: string, code: string | null) => (code === null ? text : `${text} (${code})`);
const yesNo = (value: boolean | null, yes: string, no: string) => (value === null ? '' : value ? yes : no);

/** Episodes grouped by period of care; an episode with no period id is a period of its own. */
function periodsOfCare(episodes: readonly ClaEpisodeRow[]): ClaEpisodeRow[][] {
  const periods = groupBy(
    episodes,
    (episode) => episode.clae_cla_id ?? `episode:${episode.clae_cla_episode_id}`,
  );
  return [...periods.values()].map((period) =>
    period.sort((a, b) => compare(a.clae_cla_episode_start_date, b.clae_cla_episode_start_date)),
  );
}

function lookedAfterEvents(record: ChildRecord): ChronologyEventValue[] {
  return periodsOfCare(record.claEpisodes).flatMap((period) => {
    const first = period[0];
    const last = period[period.length - 1];
    if (!first || !last) return [];
    const legalStatus = legalStatusAt(record.legalStatuses, first.clae_cla_episode_start_date);
    return [
      ...event(
        'BECAME_LOOKED_AFTER',
        'LOOKED_AFTER',
        first.clae_cla_episode_start_date,
        withCode('Became looked after', legalStatus),
        first.clae_cla_episode_id,
      ),
      ...event(
        'CEASED_LOOKED_AFTER',
        'LOOKED_AFTER',
        last.clae_cla_episode_ceased_date,
        withCode('Ceased to be looked after', last.clae_cla_episode_ceased_reason),
        last.clae_cla_episode_id,
      ),
    ];
  });
}

function recordEvents(record: ChildRecord): ChronologyEventValue[] {
  const rhiDates = new Map(record.missingDetails.map((row) => [row.msdx_miss_table_id, row.msdx_rhi_date]));
  return [
    ...record.referrals.flatMap((row) =>
      event(
        'REFERRAL',
        'SOCIAL_CARE',
        row.cine_referral_date,
        withCode('Referral received', row.cine_cin_primary_need_code),
        row.cine_referral_id,
      ),
    ),
    ...record.assessments.flatMap((row) => [
      ...event(
        'ASSESSMENT_STARTED',
        'SOCIAL_CARE',
        row.cina_assessment_start_date,
        'Child and Family Assessment started',
        row.cina_assessment_id,
      ),
      ...event(
        'ASSESSMENT_AUTHORISED',
        'SOCIAL_CARE',
        row.cina_assessment_auth_date,
        'Child and Family Assessment authorised',
        row.cina_assessment_id,
      ),
    ]),
    ...record.s47Enquiries.flatMap((row) =>
      event(
        'STRATEGY_DISCUSSION',
        'CHILD_PROTECTION',
        row.s47e_s47_start_date,
        'Strategy discussion; section 47 enquiry started',
        row.s47e_s47_enquiry_id,
      ),
    ),
    ...record.initialConferences.flatMap((row) =>
      event(
        'ICPC',
        'CHILD_PROTECTION',
        row.icpc_icpc_date,
        `Initial child protection conference${yesNo(row.icpc_icpc_outcome_cp_flag, ': plan made', ': no plan')}`,
        row.icpc_icpc_id,
      ),
    ),
    ...record.cpPlans.flatMap((row) => [
      ...event(
        'CP_PLAN_STARTED',
        'CHILD_PROTECTION',
        row.cppl_cp_plan_start_date,
        withCode('Child protection plan started', row.cppl_cp_plan_initial_category),
        row.cppl_cp_plan_id,
      ),
      ...event(
        'CP_PLAN_ENDED',
        'CHILD_PROTECTION',
        row.cppl_cp_plan_end_date,
        'Child protection plan ended',
        row.cppl_cp_plan_id,
      ),
    ]),
    ...lookedAfterEvents(record),
    ...record.placements.flatMap((row) => [
      ...event(
        'PLACEMENT_STARTED',
        'PLACEMENT',
        row.clap_cla_placement_start_date,
        withCode('Placement started', row.clap_cla_placement_type),
        row.clap_cla_placement_id,
      ),
      ...event(
        'PLACEMENT_ENDED',
        'PLACEMENT',
        row.clap_cla_placement_end_date,
        withCode('Placement ended', row.clap_cla_placement_change_reason),
        row.clap_cla_placement_id,
      ),
    ]),
    ...record.claReviews.flatMap((row) =>
      row.clar_cla_review_cancelled === true
        ? []
        : event(
            'LAC_REVIEW',
            'LOOKED_AFTER',
            row.clar_cla_review_date,
            withCode('Looked after review', row.clar_cla_review_participation),
            row.clar_cla_review_id,
          ),
    ),
    ...record.healthChecks.flatMap((row) =>
      event(
        'HEALTH_ASSESSMENT',
        'HEALTH',
        row.clah_health_check_date,
        withCode('Health assessment', row.clah_health_check_type),
        row.clah_health_check_id,
      ),
    ),
    ...record.missing.flatMap((row) => [
      ...event(
        'MISSING_EPISODE',
        'EXPLOITATION_RISK',
        row.miss_missing_episode_start_date,
        row.miss_missing_episode_type === 'A' ? 'Away from placement without authorisation' : 'Missing',
        row.miss_table_id,
      ),
      ...event(
        'RETURN_INTERVIEW',
        'EXPLOITATION_RISK',
        rhiDates.get(row.miss_table_id) ?? null,
        'Return home interview',
        row.miss_table_id,
      ),
    ]),
    ...record.meetings.flatMap((row) =>
      event(
        'MEETING',
        'SOCIAL_CARE',
        row.meet_meeting_date,
        row.meet_meeting_type === null ? 'Meeting (type not recorded)' : `Meeting (${row.meet_meeting_type})`,
        row.meet_meeting_id,
      ),
    ),
    ...record.placementReferrals.flatMap((row) =>
      event(
        'PLACEMENT_REFERRAL',
        'PLACEMENT',
        row.plrf_referral_date,
        'Placement referral made',
        row.plrf_referral_id,
      ),
    ),
    ...[
      ...record.cinVisits.map((row) => ({
        id: row.cinv_cin_visit_id,
        at: row.cinv_cin_visit_date,
        seen: row.cinv_cin_visit_seen,
        kind: 'child in need',
      })),
      ...record.cpVisits.map((row) => ({
        id: row.cppv_cp_visit_id,
        at: row.cppv_cp_visit_date,
        seen: row.cppv_cp_visit_seen,
        kind: 'child protection',
      })),
      ...record.claVisits.map((row) => ({
        id: row.clav_cla_visit_id,
        at: row.clav_cla_visit_date,
        seen: row.clav_cla_visit_seen,
        kind: 'looked after',
      })),
    ].flatMap((visit) =>
      event(
        'VISIT',
        'SOCIAL_CARE',
        visit.at,
        `Visit (${visit.kind})${yesNo(visit.seen, ': child seen', ': child not seen')}`,
        visit.id,
      ),
    ),
  ];
}

/** Every event from every linked record, oldest first (same instant: by kind, then record id). */
export function toSocialCareChronology(records: readonly ChildRecord[]): ChronologyEventValue[] {
  return records
    .flatMap(recordEvents)
    .sort(
      (a, b) => compare(a.at, b.at) || compare(a.kind, b.kind) || compare(a.recordId ?? '', b.recordId ?? ''),
    );
}
