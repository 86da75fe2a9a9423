/**
 * zod schemas of the SSD rows the connector reads, one per table (and the residents view), keyed by the standard's
 * column names. The columns a read selects are exactly each schema's keys (see ssd-tables.ts), so the SQL and its
 * validation cannot drift apart. Ids and each record's defining date are required; everything else may be absent
 * (NULL is "not recorded" in the SSD, never "no").
 */
import { z } from 'zod';
import {
  jsonInstant,
  sqlCode as id,
  sqlDate,
  sqlFlag,
  sqlInt,
  sqlJson,
  sqlNumber,
  sqlStringList,
  sqlText as text,
  sqlTimestamp as at,
} from './sql-values.js';

const flag = sqlFlag.nullable();
const when = at.nullable();
const list = sqlStringList.nullable();

// ── people ──

/** What the section needs of the person: that the record exists, and the SEND flag. */
export const personRow = z.object({
  pers_person_id: id,
  pers_send_flag: flag,
});

/** What the identity index needs: identifiers and demographics as recorded. */
export const personIndexRow = z.object({
  pers_person_id: id,
  pers_forename: text,
  pers_surname: text,
  pers_sex: text,
  pers_gender: text,
  pers_dob: sqlDate.nullable(),
  // SSD v1.4 renamed the NHS number column; both are read, the newer preferred.
  pers_single_unique_id: text,
  pers_common_child_id: text,
  pers_upn: text,
});

export const linkedIdentifierRow = z.object({
  link_person_id: id,
  link_identifier_type: text,
  link_identifier_value: text,
  link_valid_to_date: when,
});

export const addressRow = z.object({
  addr_person_id: id,
  addr_address_postcode: text,
  addr_address_start_date: when,
  addr_address_end_date: when,
});

export const disabilityRow = z.object({
  disa_person_id: id,
  disa_disability_code: text,
});

export const sealedRecordRow = z.object({
  seal_person_id: id,
  seal_reason: text,
});

// ── referrals, assessments, child in need ──

export const cinEpisodeRow = z.object({
  cine_referral_id: id,
  cine_person_id: id,
  cine_referral_date: at,
  cine_cin_primary_need_code: text,
  cine_referral_source_code: text,
  cine_referral_nfa: flag,
  cine_close_reason: text,
  cine_close_date: when,
});

export const assessmentRow = z.object({
  cina_assessment_id: id,
  cina_person_id: id,
  cina_referral_id: text,
  cina_assessment_start_date: at,
  cina_assessment_child_seen: flag,
  cina_assessment_auth_date: when,
  cina_assessment_outcome_nfa: flag,
});

export const assessmentFactorsRow = z.object({
  cinf_assessment_id: id,
  cinf_assessment_factors_json: list,
});

export const cinPlanRow = z.object({
  cinp_cin_plan_id: id,
  cinp_person_id: id,
  cinp_referral_id: text,
  cinp_cin_plan_start_date: at,
  cinp_cin_plan_end_date: when,
});

export const cinVisitRow = z.object({
  cinv_cin_visit_id: id,
  cinv_person_id: id,
  cinv_cin_visit_date: at,
  cinv_cin_visit_seen: flag,
  cinv_cin_visit_seen_alone: flag,
});

// ── child protection ──

/** The s47 outcome flags (NFA_FLAG, CP_CONFERENCE_FLAG, CIN_PLAN_FLAG, ...): Y, N or null each. */
const outcomeFlags = z.record(z.string(), z.enum(['Y', 'N']).nullable());

export const s47EnquiryRow = z.object({
  s47e_s47_enquiry_id: id,
  s47e_person_id: id,
  s47e_referral_id: text,
  s47e_s47_start_date: at,
  s47e_s47_end_date: when,
  s47e_s47_nfa: flag,
  s47e_s47_outcome_json: sqlJson(outcomeFlags).nullable(),
});

export const initialConferenceRow = z.object({
  icpc_icpc_id: id,
  icpc_person_id: id,
  icpc_s47_enquiry_id: text,
  icpc_cp_plan_id: text,
  icpc_icpc_transfer_in: flag,
  icpc_icpc_target_date: when,
  icpc_icpc_date: when,
  icpc_icpc_outcome_cp_flag: flag,
});

export const cpPlanRow = z.object({
  cppl_cp_plan_id: id,
  cppl_person_id: id,
  cppl_icpc_id: text,
  cppl_cp_plan_start_date: at,
  cppl_cp_plan_end_date: when,
  cppl_cp_plan_initial_category: text,
  cppl_cp_plan_latest_category: text,
});

export const cpVisitRow = z.object({
  cppv_cp_visit_id: id,
  cppv_person_id: id,
  cppv_cp_visit_date: at,
  cppv_cp_visit_seen: flag,
  cppv_cp_visit_seen_alone: flag,
});

export const cpReviewRow = z.object({
  cppr_cp_review_id: id,
  cppr_person_id: id,
  cppr_cp_plan_id: text,
  cppr_cp_review_due: when,
  cppr_cp_review_date: when,
  cppr_cp_review_outcome_continue_cp: flag,
  cppr_cp_review_participation: text,
});

// ── looked after ──

export const claEpisodeRow = z.object({
  clae_cla_episode_id: id,
  clae_person_id: id,
  // The period of care: episodes of one period share it, and reviews hang off it.
  clae_cla_id: text,
  clae_cla_episode_start_date: at,
  clae_cla_episode_start_reason: text,
  clae_cla_primary_need_code: text,
  clae_cla_episode_ceased_date: when,
  clae_cla_episode_ceased_reason: text,
  clae_entered_care_date: when,
  clae_cla_last_iro_contact_date: when,
});

export const legalStatusRow = z.object({
  lega_legal_status_id: id,
  lega_person_id: id,
  lega_legal_status: text,
  lega_legal_status_start_date: at,
  lega_legal_status_end_date: when,
});

export const placementRow = z.object({
  clap_cla_placement_id: id,
  clap_person_id: id,
  clap_cla_id: text,
  clap_cla_placement_start_date: at,
  clap_cla_placement_end_date: when,
  clap_cla_placement_type: text,
  clap_cla_placement_urn: text,
  clap_cla_placement_provider: text,
  clap_cla_placement_postcode: text,
  clap_cla_placement_distance: sqlNumber.nullable(),
  clap_cla_placement_change_reason: text,
});

export const claReviewRow = z.object({
  clar_cla_review_id: id,
  clar_cla_id: id,
  clar_cla_review_due_date: when,
  clar_cla_review_date: when,
  clar_cla_review_cancelled: flag,
  clar_cla_review_participation: text,
});

export const healthCheckRow = z.object({
  clah_health_check_id: id,
  clah_person_id: id,
  clah_health_check_type: text,
  clah_health_check_date: when,
  clah_health_check_status: text,
});

/** The care plan's JSON: the permanence plan and when the plan was last reviewed. */
const carePlanDocument = z
  .object({
    PERMANENCE_PLAN: z.string().nullish(),
    LAST_REVIEWED_DATE: jsonInstant.nullish(),
  })
  .loose();

export const carePlanRow = z.object({
  lacp_table_id: id,
  lacp_person_id: id,
  lacp_cla_care_plan_start_date: when,
  lacp_cla_care_plan_end_date: when,
  lacp_cla_care_plan_json: sqlJson(carePlanDocument).nullable(),
});

export const claVisitRow = z.object({
  clav_cla_visit_id: id,
  clav_person_id: id,
  clav_cla_visit_date: at,
  clav_cla_visit_seen: flag,
  clav_cla_visit_seen_alone: flag,
});

export const missingRow = z.object({
  miss_table_id: id,
  miss_person_id: id,
  miss_missing_episode_start_date: at,
  miss_missing_episode_end_date: when,
  miss_missing_episode_type: text,
  miss_missing_rhi_offered: flag,
  miss_missing_rhi_accepted: flag,
});

export const careLeaverRow = z.object({
  clea_person_id: id,
  clea_care_leaver_eligibility: text,
  clea_care_leaver_in_touch: text,
  clea_care_leaver_latest_contact: when,
  clea_care_leaver_accommodation: text,
  clea_care_leaver_accom_suitable: text,
  clea_care_leaver_activity: text,
  clea_pathway_plan_review_date: when,
  // The personal adviser's ssd_professionals id.
  clea_care_leaver_personal_advisor: text,
});

// ── workforce ──

export const professionalRow = z.object({
  prof_professional_id: id,
  prof_professional_name: text,
  prof_professional_job_title: text,
  prof_professional_department: text,
});

export const involvementRow = z.object({
  invo_involvements_id: id,
  invo_person_id: id,
  invo_professional_id: text,
  invo_professional_role_id: text,
  invo_professional_team: text,
  invo_involvement_start_date: when,
  invo_involvement_end_date: when,
});

// ── local extension (ssdx_) ──

/** A professional's work contact details: the standard's ssd_professionals has no e-mail to name them by. */
export const professionalContactRow = z.object({
  prco_professional_id: id,
  prco_email: text,
});

export const placementReferralRow = z.object({
  plrf_referral_id: id,
  plrf_person_id: id,
  plrf_referral_date: at,
  plrf_assessment_id: text,
  plrf_summary: text,
  plrf_risks_json: list,
  plrf_diagnoses_json: list,
  plrf_medications_json: list,
  plrf_ehcp_status: text,
  plrf_missing_history: flag,
  plrf_resulting_placement_id: text,
});

export const placementAssessmentRow = z.object({
  plas_assessment_id: id,
  plas_person_id: id,
  plas_placement_id: text,
  plas_residential_unit_id: text,
  plas_assessment_date: when,
  plas_assessment_kind: text,
  plas_risks_considered_json: list,
  plas_addresses_existing_residents: flag,
});

export const meetingRow = z.object({
  meet_meeting_id: id,
  meet_person_id: id,
  meet_meeting_date: at,
  meet_meeting_type: text,
  meet_statutory: flag,
  meet_purpose: text,
  meet_placement_id: text,
  meet_required_attendees_json: list,
  meet_actual_attendees_json: list,
  meet_minutes_recipients_json: list,
  meet_updated_risk_assessment: flag,
});

export const placementDetailRow = z.object({
  pldx_placement_id: id,
  pldx_person_id: id,
  pldx_residential_unit_id: text,
  pldx_intended_end_date: when,
  pldx_long_term: flag,
  pldx_awaiting_long_term: flag,
  pldx_last_panel_review_date: when,
});

export const placementPlanRow = z.object({
  plpl_plan_id: id,
  plpl_person_id: id,
  plpl_placement_id: text,
  plpl_plan_date: when,
});

export const placementNotificationRow = z.object({
  plno_notification_id: id,
  plno_person_id: id,
  plno_placement_id: text,
  plno_recipient: text,
  plno_notification_date: when,
});

export const coresidentNotificationRow = z.object({
  corn_notification_id: id,
  corn_person_id: id,
  corn_placement_id: text,
  corn_residential_unit_id: text,
  corn_notified_professional_id: text,
  corn_about_person_id: text,
  corn_notification_date: when,
});

export const carePlanHealthRow = z.object({
  cphs_care_plan_id: id,
  cphs_person_id: id,
  cphs_gp_name: text,
  cphs_gp_practice_code: text,
  cphs_conditions_json: list,
  cphs_medications_json: list,
  cphs_allergies_json: list,
});

export const missingDetailRow = z.object({
  msdx_miss_table_id: id,
  msdx_person_id: id,
  msdx_rhi_date: when,
  msdx_review_requested: flag,
});

export const careLeaverPathwayRow = z.object({
  clpx_person_id: id,
  clpx_needs_assessment_date: when,
  clpx_pathway_plan_date: when,
});

export const residentialUnitRow = z.object({
  resu_unit_id: id,
  resu_urn: text,
  resu_name: text,
  resu_provider: text,
  resu_postcode: text,
  resu_capacity: sqlInt.nullable(),
});

export const residentRow = z.object({
  resr_unit_id: id,
  resr_person_id: id,
  resr_placement_id: id,
  resr_start_date: at,
  resr_end_date: when,
});

export type PersonRow = z.output<typeof personRow>;
export type PersonIndexRow = z.output<typeof personIndexRow>;
export type LinkedIdentifierRow = z.output<typeof linkedIdentifierRow>;
export type AddressRow = z.output<typeof addressRow>;
export type DisabilityRow = z.output<typeof disabilityRow>;
export type SealedRecordRow = z.output<typeof sealedRecordRow>;
export type CinEpisodeRow = z.output<typeof cinEpisodeRow>;
export type AssessmentRow = z.output<typeof assessmentRow>;
export type AssessmentFactorsRow = z.output<typeof assessmentFactorsRow>;
export type CinPlanRow = z.output<typeof cinPlanRow>;
export type CinVisitRow = z.output<typeof cinVisitRow>;
export type S47EnquiryRow = z.output<typeof s47EnquiryRow>;
export type InitialConferenceRow = z.output<typeof initialConferenceRow>;
export type CpPlanRow = z.output<typeof cpPlanRow>;
export type CpVisitRow = z.output<typeof cpVisitRow>;
export type CpReviewRow = z.output<typeof cpReviewRow>;
export type ClaEpisodeRow = z.output<typeof claEpisodeRow>;
export type LegalStatusRow = z.output<typeof legalStatusRow>;
export type PlacementRow = z.output<typeof placementRow>;
export type ClaReviewRow = z.output<typeof claReviewRow>;
export type HealthCheckRow = z.output<typeof healthCheckRow>;
export type CarePlanRow = z.output<typeof carePlanRow>;
export type ClaVisitRow = z.output<typeof claVisitRow>;
export type MissingRow = z.output<typeof missingRow>;
export type CareLeaverRow = z.output<typeof careLeaverRow>;
export type ProfessionalRow = z.output<typeof professionalRow>;
export type InvolvementRow = z.output<typeof involvementRow>;
export type ProfessionalContactRow = z.output<typeof professionalContactRow>;
export type PlacementReferralRow = z.output<typeof placementReferralRow>;
export type PlacementAssessmentRow = z.output<typeof placementAssessmentRow>;
export type MeetingRow = z.output<typeof meetingRow>;
export type PlacementDetailRow = z.output<typeof placementDetailRow>;
export type PlacementPlanRow = z.output<typeof placementPlanRow>;
export type PlacementNotificationRow = z.output<typeof placementNotificationRow>;
export type CoresidentNotificationRow = z.output<typeof coresidentNotificationRow>;
export type CarePlanHealthRow = z.output<typeof carePlanHealthRow>;
export type MissingDetailRow = z.output<typeof missingDetailRow>;
export type CareLeaverPathwayRow = z.output<typeof careLeaverPathwayRow>;
export type ResidentialUnitRow = z.output<typeof residentialUnitRow>;
export type ResidentRow = z.output<typeof residentRow>;
