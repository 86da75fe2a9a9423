/**
 * Hand-written SSD rows as PostgreSQL sends them (every value text, timestamps in its ISO output form): P-100 is a
 * looked-after child with something in most tables, P-101 a duplicate record of the same child, P-200 a child in
 * need with nothing else. Columns not listed are NULL.
 */
import type { SsdRow } from '../ssd-driver.js';

export const ssdRows: Record<string, SsdRow[]> = {
  ssd_person: [
    {
      pers_person_id: 'P-100',
      pers_forename: 'Robin',
      pers_surname: 'Example',
      pers_sex: 'F',
      pers_gender: '02',
      pers_dob: '2009-03-14 00:00:00',
      pers_single_unique_id: '999 000 1006',
      pers_common_child_id: '9990001006',
      pers_upn: null,
      pers_send_flag: 'Y',
    },
    {
      pers_person_id: 'P-101',
      pers_forename: 'Robyn',
      pers_surname: 'Example',
      pers_sex: null,
      pers_gender: '02',
      pers_dob: '2009-03-14 00:00:00',
      pers_common_child_id: '9990001006',
      pers_send_flag: 'N',
    },
    {
      pers_person_id: 'P-200',
      pers_forename: 'Kit',
      pers_surname: 'Other',
      pers_sex: 'M',
      pers_dob: '2015-07-01 00:00:00',
    },
  ],
  ssd_linked_identifiers: [
    {
      link_person_id: 'P-200',
      link_identifier_type: 'Unique Pupil Number',
      link_identifier_value: 'a123456789012',
    },
    {
      link_person_id: 'P-200',
      link_identifier_type: 'NHS Number',
      link_identifier_value: '9990001014',
    },
  ],
  ssd_address: [
    {
      addr_person_id: 'P-100',
      addr_address_postcode: 'ls1 1aa',
      addr_address_start_date: '2015-01-01 00:00:00',
      addr_address_end_date: '2020-01-01 00:00:00',
    },
    {
      addr_person_id: 'P-100',
      addr_address_postcode: 'LS6 2QD',
      addr_address_start_date: '2020-01-01 00:00:00',
    },
  ],
  ssd_disability: [
    { disa_person_id: 'P-100', disa_disability_code: 'LD' },
    { disa_person_id: 'P-101', disa_disability_code: 'AUT' },
    { disa_person_id: 'P-101', disa_disability_code: 'LD' },
  ],
  ssdx_sealed_record: [],
  ssd_cin_episodes: [
    {
      cine_referral_id: 'REF-1',
      cine_person_id: 'P-100',
      cine_referral_date: '2023-01-10 09:00:00',
      cine_cin_primary_need_code: 'N1',
      cine_referral_nfa: 'N',
    },
    {
      cine_referral_id: 'REF-2',
      cine_person_id: 'P-200',
      cine_referral_date: '2024-05-01 10:30:00.25',
      cine_cin_primary_need_code: 'N4',
      cine_referral_nfa: 'N',
      cine_close_date: '2024-09-01 00:00:00',
      cine_close_reason: 'RC8',
    },
  ],
  ssd_cin_assessments: [
    {
      cina_assessment_id: 'ASM-1',
      cina_person_id: 'P-100',
      cina_referral_id: 'REF-1',
      cina_assessment_start_date: '2023-01-12 10:00:00',
      cina_assessment_child_seen: 'Y',
      cina_assessment_auth_date: '2023-02-20 16:00:00',
      cina_assessment_outcome_nfa: 'N',
    },
  ],
  ssd_assessment_factors: [
    { cinf_assessment_id: 'ASM-1', cinf_assessment_factors_json: '["11A","24A"]' },
    { cinf_assessment_id: 'ASM-1', cinf_assessment_factors_json: '["10a","11A"]' },
  ],
  ssd_cin_plans: [],
  ssd_cin_visits: [
    {
      cinv_cin_visit_id: 'VIS-1',
      cinv_person_id: 'P-200',
      cinv_cin_visit_date: '2024-05-20 11:00:00',
      cinv_cin_visit_seen: 'Y',
    },
  ],
  ssd_s47_enquiry: [
    {
      s47e_s47_enquiry_id: 'S47-1',
      s47e_person_id: 'P-100',
      s47e_referral_id: 'REF-1',
      s47e_s47_start_date: '2023-01-11 14:00:00',
      s47e_s47_end_date: '2023-01-25 12:00:00',
      s47e_s47_nfa: 'N',
      s47e_s47_outcome_json: '{"NFA_FLAG":"N","CP_CONFERENCE_FLAG":"Y","CIN_PLAN_FLAG":null}',
    },
  ],
  ssd_initial_cp_conference: [
    {
      icpc_icpc_id: 'ICPC-1',
      icpc_person_id: 'P-100',
      icpc_s47_enquiry_id: 'S47-1',
      icpc_cp_plan_id: 'CPP-1',
      icpc_icpc_target_date: '2023-02-01 00:00:00',
      icpc_icpc_date: '2023-01-30 10:00:00',
      icpc_icpc_outcome_cp_flag: 'Y',
    },
  ],
  ssd_cp_plans: [
    {
      cppl_cp_plan_id: 'CPP-1',
      cppl_person_id: 'P-100',
      cppl_icpc_id: 'ICPC-1',
      cppl_cp_plan_start_date: '2023-01-30 10:00:00',
      cppl_cp_plan_end_date: '2023-06-01 00:00:00',
      cppl_cp_plan_initial_category: 'NEG',
      cppl_cp_plan_latest_category: 'EMO',
    },
  ],
  ssd_cp_visits: [],
  ssd_cp_reviews: [
    {
      cppr_cp_review_id: 'CPR-1',
      cppr_person_id: 'P-100',
      cppr_cp_plan_id: 'CPP-1',
      cppr_cp_review_due: '2023-04-30 00:00:00',
      cppr_cp_review_date: '2023-04-28 10:00:00',
      cppr_cp_review_outcome_continue_cp: 'Y',
      cppr_cp_review_participation: 'PN7',
    },
  ],
  ssd_cla_episodes: [
    {
      clae_cla_episode_id: 'EP-1',
      clae_person_id: 'P-100',
      clae_cla_id: 'CLA-1',
      clae_cla_episode_start_date: '2023-06-01 12:00:00',
      clae_cla_episode_start_reason: 'S',
      clae_cla_episode_ceased_date: '2024-01-15 12:00:00',
      clae_cla_episode_ceased_reason: 'X1',
      clae_entered_care_date: '2023-06-01 12:00:00',
    },
    {
      clae_cla_episode_id: 'EP-2',
      clae_person_id: 'P-100',
      clae_cla_id: 'CLA-1',
      clae_cla_episode_start_date: '2024-01-15 12:00:00',
      clae_cla_episode_start_reason: 'P',
      clae_entered_care_date: '2023-06-01 12:00:00',
    },
  ],
  ssd_legal_status: [
    {
      lega_legal_status_id: 'LS-1',
      lega_person_id: 'P-100',
      lega_legal_status: 'V2',
      lega_legal_status_start_date: '2023-06-01 12:00:00',
      lega_legal_status_end_date: '2023-09-01 00:00:00',
    },
    {
      lega_legal_status_id: 'LS-2',
      lega_person_id: 'P-100',
      lega_legal_status: 'C2',
      lega_legal_status_start_date: '2023-09-01 00:00:00',
    },
  ],
  ssd_cla_placement: [
    {
      clap_cla_placement_id: 'PL-1',
      clap_person_id: 'P-100',
      clap_cla_id: 'CLA-1',
      clap_cla_placement_start_date: '2023-06-01 12:00:00',
      clap_cla_placement_end_date: '2024-01-15 12:00:00',
      clap_cla_placement_type: 'U4',
      clap_cla_placement_postcode: 'LS7 3AB',
      clap_cla_placement_distance: '2.5',
      clap_cla_placement_change_reason: 'CARPL',
    },
    {
      clap_cla_placement_id: 'PL-2',
      clap_person_id: 'P-100',
      clap_cla_id: 'CLA-1',
      clap_cla_placement_start_date: '2024-01-15 12:00:00',
      clap_cla_placement_type: 'K2',
      clap_cla_placement_urn: 'SC999001',
      clap_cla_placement_provider: 'PR4',
      clap_cla_placement_postcode: 'LS2 9JT',
    },
  ],
  ssdx_placement_detail: [
    {
      pldx_placement_id: 'PL-2',
      pldx_person_id: 'P-100',
      pldx_residential_unit_id: 'UNIT-1',
      pldx_intended_end_date: '2024-04-15 12:00:00',
      pldx_long_term: 'N',
      pldx_awaiting_long_term: 'Y',
    },
  ],
  ssd_cla_reviews: [
    {
      clar_cla_review_id: 'CLAR-1',
      clar_cla_id: 'CLA-1',
      clar_cla_review_due_date: '2023-06-29 00:00:00',
      clar_cla_review_date: '2023-06-28 10:00:00',
      clar_cla_review_cancelled: 'N',
      clar_cla_review_participation: 'PN1',
    },
    {
      clar_cla_review_id: 'CLAR-X',
      clar_cla_id: 'CLA-OTHER',
      clar_cla_review_due_date: '2023-06-29 00:00:00',
    },
  ],
  ssd_cla_health: [
    {
      clah_health_check_id: 'IHA-1',
      clah_person_id: 'P-100',
      clah_health_check_type: 'IHA',
      clah_health_check_date: '2023-06-20 09:00:00',
      clah_health_check_status: 'COMPLETED',
    },
  ],
  ssd_cla_care_plan: [
    {
      lacp_table_id: 'CP-1',
      lacp_person_id: 'P-100',
      lacp_cla_care_plan_start_date: '2023-06-08 00:00:00',
      lacp_cla_care_plan_json: '{"PERMANENCE_PLAN":"Long-term foster care","LAST_REVIEWED_DATE":null}',
    },
  ],
  ssdx_care_plan_health: [
    {
      cphs_care_plan_id: 'CP-1',
      cphs_person_id: 'P-100',
      cphs_gp_name: null,
      cphs_conditions_json: '[]',
      cphs_medications_json: '[]',
      cphs_allergies_json: '["penicillin"]',
    },
  ],
  ssd_cla_visits: [
    {
      clav_cla_visit_id: 'CLAV-1',
      clav_person_id: 'P-100',
      clav_cla_visit_date: '2023-06-05 11:00:00',
      clav_cla_visit_seen: 'Y',
      clav_cla_visit_seen_alone: 'N',
    },
  ],
  ssd_missing: [
    {
      miss_table_id: 'MISS-1',
      miss_person_id: 'P-101',
      miss_missing_episode_start_date: '2024-02-10 22:00:00',
      miss_missing_episode_end_date: '2024-02-11 08:00:00',
      miss_missing_episode_type: 'M',
      miss_missing_rhi_offered: 'Y',
      miss_missing_rhi_accepted: 'N',
    },
  ],
  ssdx_missing_detail: [
    {
      msdx_miss_table_id: 'MISS-1',
      msdx_person_id: 'P-101',
      msdx_rhi_date: '2024-02-13 15:00:00',
      msdx_review_requested: 'N',
    },
  ],
  ssd_care_leavers: [],
  ssdx_care_leaver_pathway: [],
  ssd_involvements: [
    {
      invo_involvements_id: 'INV-0',
      invo_person_id: 'P-100',
      invo_professional_id: 'PRO-OLD',
      invo_professional_role_id: 'SOCIAL_WORKER',
      invo_involvement_start_date: '2023-01-10 09:00:00',
      invo_involvement_end_date: '2023-06-01 00:00:00',
    },
    {
      invo_involvements_id: 'INV-1',
      invo_person_id: 'P-100',
      invo_professional_id: 'PRO-SW',
      invo_professional_role_id: 'SOCIAL_WORKER',
      invo_involvement_start_date: '2023-06-01 12:00:00',
    },
    {
      invo_involvements_id: 'INV-2',
      invo_person_id: 'P-100',
      invo_professional_id: 'PRO-IRO',
      invo_professional_role_id: 'IRO',
      invo_involvement_start_date: '2023-06-03 09:00:00',
    },
    {
      invo_involvements_id: 'INV-3',
      invo_person_id: 'P-101',
      invo_professional_id: 'PRO-SW',
      invo_professional_role_id: 'SOCIAL_WORKER',
      invo_involvement_start_date: '2023-06-01 12:00:00',
    },
  ],
  ssd_professionals: [
    {
      prof_professional_id: 'PRO-SW',
      prof_professional_name: 'Sam Worker',
      prof_professional_job_title: 'Social Worker',
      prof_professional_department: 'Children Looked After Team 1',
    },
    {
      prof_professional_id: 'PRO-IRO',
      prof_professional_name: 'Ira Reviewer',
      prof_professional_job_title: 'Independent Reviewing Officer',
      prof_professional_department: 'Independent Reviewing Service',
    },
    { prof_professional_id: 'PRO-OLD', prof_professional_name: 'Olive Former' },
  ],
  ssdx_professional_contact: [
    {
      prco_professional_id: 'PRO-SW',
      prco_email: ' Sam.Worker@Council.example ',
      prco_phone: '0113 496 0001',
    },
    { prco_professional_id: 'PRO-IRO', prco_email: 'ira.reviewer@council.example' },
    { prco_professional_id: 'PRO-OLD', prco_email: 'olive.former@council.example' },
  ],
  ssdx_placement_referral: [
    {
      plrf_referral_id: 'PLR-1',
      plrf_person_id: 'P-100',
      plrf_referral_date: '2024-01-05 09:00:00',
      plrf_assessment_id: 'ASM-1',
      plrf_summary: 'Needs a stable home',
      plrf_risks_json: '["missing episodes"]',
      plrf_diagnoses_json: '[]',
      plrf_medications_json: '[]',
      plrf_ehcp_status: 'UNKNOWN',
      plrf_missing_history: 'Y',
      plrf_resulting_placement_id: 'PL-2',
    },
  ],
  ssdx_placement_assessment: [],
  ssdx_meeting: [
    {
      meet_meeting_id: 'MTG-1',
      meet_person_id: 'P-100',
      meet_meeting_date: '2024-01-17 10:00:00',
      meet_actual_attendees_json: '["SOCIAL_WORKER"]',
      meet_updated_risk_assessment: 'N',
    },
  ],
  ssdx_placement_plan: [],
  ssdx_placement_notification: [],
  ssdx_coresident_notification: [],
  ssdx_residential_unit: [
    {
      resu_unit_id: 'UNIT-1',
      resu_urn: 'SC999001',
      resu_name: 'Example House',
      resu_provider: 'PR4',
      resu_postcode: 'LS2 9JT',
      resu_capacity: '4',
    },
  ],
  ssdx_residential_unit_residents: [
    {
      resr_unit_id: 'UNIT-1',
      resr_person_id: 'P-100',
      resr_placement_id: 'PL-2',
      resr_start_date: '2024-01-15 12:00:00',
    },
  ],
};
