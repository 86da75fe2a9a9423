import type { TableDef } from './table-def.js';
import { column as c, table } from './table-def.js';

/**
 * Local extension beside the SSD (prefix `ssdx_`): what the learning review needed that the standard does not
 * carry. Same conventions as the SSD (4-letter column prefixes, timestamps, Y/N flags, JSON in text columns) so a
 * council could add them to its extract. See README.md for why each exists.
 */
const id = 'varchar(48)';
const ts = 'timestamp';
const flag = 'char(1)';

export const extensionTables: TableDef[] = [
  table(
    'ssdx_placement_referral',
    'plrf_referral_id',
    ['plrf_person_id'],
    [
      c('plrf_referral_id', id),
      c('plrf_person_id', id),
      c('plrf_referral_date', ts),
      // The assessment the referral relied on (ssd_cin_assessments.cina_assessment_id).
      c('plrf_assessment_id', id),
      c('plrf_summary', 'varchar(4000)'),
      c('plrf_risks_json', 'text'),
      c('plrf_diagnoses_json', 'text'),
      c('plrf_medications_json', 'text'),
      c('plrf_ehcp_status', 'varchar(20)'),
      c('plrf_missing_history', flag),
      c('plrf_resulting_placement_id', id),
    ],
  ),
  table(
    'ssdx_placement_assessment',
    'plas_assessment_id',
    ['plas_person_id', 'plas_placement_id'],
    [
      c('plas_assessment_id', id),
      c('plas_person_id', id),
      c('plas_placement_id', id),
      c('plas_residential_unit_id', id),
      c('plas_assessment_date', ts),
      // RISK, MATCHING or IMPACT_ON_RESIDENTS
      c('plas_assessment_kind', 'varchar(30)'),
      c('plas_risks_considered_json', 'text'),
      c('plas_addresses_existing_residents', flag),
    ],
  ),
  table(
    'ssdx_meeting',
    'meet_meeting_id',
    ['meet_person_id'],
    [
      c('meet_meeting_id', id),
      c('meet_person_id', id),
      c('meet_meeting_date', ts),
      // Null where the record does not say: the learning review found meetings whose status nobody knew.
      c('meet_meeting_type', 'varchar(48)'),
      c('meet_statutory', flag),
      c('meet_purpose', 'varchar(1000)'),
      c('meet_placement_id', id),
      c('meet_required_attendees_json', 'text'),
      c('meet_actual_attendees_json', 'text'),
      c('meet_minutes_recipients_json', 'text'),
      c('meet_updated_risk_assessment', flag),
    ],
  ),
  table(
    'ssdx_residential_unit',
    'resu_unit_id',
    ['resu_urn'],
    [
      c('resu_unit_id', id),
      c('resu_urn', id),
      c('resu_name', 'varchar(255)'),
      c('resu_provider', id),
      c('resu_postcode', 'varchar(8)'),
      c('resu_capacity', 'integer'),
      c('resu_manager_professional_id', id),
    ],
  ),
  // Placement facts the SSDA903-shaped ssd_cla_placement has no column for.
  table(
    'ssdx_placement_detail',
    'pldx_placement_id',
    ['pldx_person_id', 'pldx_residential_unit_id'],
    [
      c('pldx_placement_id', id),
      c('pldx_person_id', id),
      c('pldx_cla_episode_id', id),
      c('pldx_residential_unit_id', id),
      c('pldx_intended_end_date', ts),
      c('pldx_long_term', flag),
      c('pldx_awaiting_long_term', flag),
      c('pldx_last_panel_review_date', ts),
    ],
  ),
  table(
    'ssdx_placement_plan',
    'plpl_plan_id',
    ['plpl_person_id'],
    [c('plpl_plan_id', id), c('plpl_person_id', id), c('plpl_placement_id', id), c('plpl_plan_date', ts)],
  ),
  table(
    'ssdx_placement_notification',
    'plno_notification_id',
    ['plno_person_id'],
    [
      c('plno_notification_id', id),
      c('plno_person_id', id),
      c('plno_placement_id', id),
      // GP, SCHOOL, ICB or IRO
      c('plno_recipient', 'varchar(10)'),
      c('plno_notification_date', ts),
    ],
  ),
  table(
    'ssdx_coresident_notification',
    'corn_notification_id',
    ['corn_person_id', 'corn_about_person_id'],
    [
      c('corn_notification_id', id),
      // The newly admitted child whose placement triggered the notice.
      c('corn_person_id', id),
      c('corn_placement_id', id),
      c('corn_residential_unit_id', id),
      c('corn_notified_professional_id', id),
      // The existing resident whose social worker / IRO was told.
      c('corn_about_person_id', id),
      c('corn_notification_date', ts),
    ],
  ),
  table(
    'ssdx_care_plan_health',
    'cphs_care_plan_id',
    ['cphs_person_id'],
    [
      c('cphs_care_plan_id', id),
      c('cphs_person_id', id),
      c('cphs_gp_name', 'varchar(300)'),
      c('cphs_gp_practice_code', id),
      c('cphs_conditions_json', 'text'),
      c('cphs_medications_json', 'text'),
      c('cphs_allergies_json', 'text'),
    ],
  ),
  table(
    'ssdx_sealed_record',
    'seal_person_id',
    [],
    [c('seal_person_id', id), c('seal_reason', 'varchar(30)')],
  ),
  table(
    'ssdx_missing_detail',
    'msdx_miss_table_id',
    ['msdx_person_id'],
    [
      c('msdx_miss_table_id', id),
      c('msdx_person_id', id),
      c('msdx_rhi_date', ts),
      c('msdx_review_requested', flag),
    ],
  ),
  // ssd_professionals carries no contact details, yet access control names a professional by work e-mail.
  table(
    'ssdx_professional_contact',
    'prco_professional_id',
    [],
    [c('prco_professional_id', id), c('prco_email', 'varchar(255)'), c('prco_phone', 'varchar(48)')],
  ),
  table(
    'ssdx_care_leaver_pathway',
    'clpx_person_id',
    [],
    [c('clpx_person_id', id), c('clpx_needs_assessment_date', ts), c('clpx_pathway_plan_date', ts)],
  ),
];

/** Residents of each unit, derived so it can never disagree with the placements. */
export const extensionViews: Array<{ name: string; select: (schema: string) => string }> = [
  {
    name: 'ssdx_residential_unit_residents',
    select: (schema) => `
      SELECT d.pldx_residential_unit_id AS resr_unit_id,
             p.clap_person_id AS resr_person_id,
             p.clap_cla_placement_id AS resr_placement_id,
             p.clap_cla_placement_start_date AS resr_start_date,
             p.clap_cla_placement_end_date AS resr_end_date
        FROM ${schema}.ssdx_placement_detail d
        JOIN ${schema}.ssd_cla_placement p ON p.clap_cla_placement_id = d.pldx_placement_id
       WHERE d.pldx_residential_unit_id IS NOT NULL`,
  },
];
