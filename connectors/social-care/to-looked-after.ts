/** Periods of care (CLA episodes), legal statuses, looked-after reviews, health assessments and care plans. */
import type { ChildRecord } from './child-record.js';
import { compare } from './lists.js';
import type { LegalStatusRow } from './payload-schemas.js';
import type {
  CareEpisodeValue,
  CarePlanValue,
  HealthAssessmentValue,
  LegalStatusValue,
  LookedAfterReviewValue,
} from './social-care-section.js';

/**
 * The legal status in force at an instant: the SSD keeps legal status in its own table (runs of episodes), so an
 * episode's status is the run covering its start, else the latest run started before it.
 */
export function legalStatusAt(statuses: readonly LegalStatusRow[], at: string): string | null {
  const started = statuses.filter((status) => compare(status.lega_legal_status_start_date, at) <= 0);
  const covering = started.filter(
    (status) =>
      status.lega_legal_status_end_date === null || compare(status.lega_legal_status_end_date, at) >= 0,
  );
  let latest: LegalStatusRow | null = null;
  for (const status of covering.length > 0 ? covering : started) {
    if (
      latest === null ||
      compare(status.lega_legal_status_start_date, latest.lega_legal_status_start_date) > 0
    )
      latest = status;
  }
  return latest?.lega_legal_status ?? null;
}

export function toCareEpisodes(record: ChildRecord): CareEpisodeValue[] {
  return record.claEpisodes.map((row) => ({
    id: row.clae_cla_episode_id,
    periodOfCareId: row.clae_cla_id,
    startDate: row.clae_cla_episode_start_date,
    startReason: row.clae_cla_episode_start_reason,
    legalStatus: legalStatusAt(record.legalStatuses, row.clae_cla_episode_start_date),
    needCode: row.clae_cla_primary_need_code,
    ceasedDate: row.clae_cla_episode_ceased_date,
    ceasedReason: row.clae_cla_episode_ceased_reason,
    enteredCareDate: row.clae_entered_care_date,
    lastIroContactDate: row.clae_cla_last_iro_contact_date,
  }));
}

export function toLegalStatuses(record: ChildRecord): LegalStatusValue[] {
  return record.legalStatuses.map((row) => ({
    id: row.lega_legal_status_id,
    code: row.lega_legal_status,
    startDate: row.lega_legal_status_start_date,
    endDate: row.lega_legal_status_end_date,
  }));
}

export function toLookedAfterReviews(record: ChildRecord): LookedAfterReviewValue[] {
  return record.claReviews.map((row) => ({
    id: row.clar_cla_review_id,
    periodOfCareId: row.clar_cla_id,
    dueDate: row.clar_cla_review_due_date,
    date: row.clar_cla_review_date,
    cancelled: row.clar_cla_review_cancelled,
    participation: row.clar_cla_review_participation,
  }));
}

export function toHealthAssessments(record: ChildRecord): HealthAssessmentValue[] {
  return record.healthChecks.map((row) => ({
    id: row.clah_health_check_id,
    type: row.clah_health_check_type,
    date: row.clah_health_check_date,
    status: row.clah_health_check_status,
  }));
}

/** Care plans with the health section the extension records beside each (joined on the plan's id). */
export function toCarePlans(record: ChildRecord): CarePlanValue[] {
  const healthByPlan = new Map(record.carePlanHealth.map((row) => [row.cphs_care_plan_id, row]));
  return record.carePlans.map((row) => {
    const health = healthByPlan.get(row.lacp_table_id);
    return {
      id: row.lacp_table_id,
      startDate: row.lacp_cla_care_plan_start_date,
      endDate: row.lacp_cla_care_plan_end_date,
      permanencePlan: row.lacp_cla_care_plan_json?.PERMANENCE_PLAN ?? null,
      lastReviewedDate: row.lacp_cla_care_plan_json?.LAST_REVIEWED_DATE ?? null,
      health: health
        ? {
            gpName: health.cphs_gp_name,
            gpPracticeCode: health.cphs_gp_practice_code,
            conditions: health.cphs_conditions_json ?? [],
            medications: health.cphs_medications_json ?? [],
            allergies: health.cphs_allergies_json ?? [],
          }
        : null,
    };
  });
}
