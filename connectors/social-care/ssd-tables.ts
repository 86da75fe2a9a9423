/**
 * The SSD tables (and the extension's residents view) the connector reads, each with the zod schema of its rows.
 * A read selects exactly the schema's columns, so adding a field to a schema is all it takes to read it.
 */
import type { z } from 'zod';
import * as rows from './payload-schemas.js';

export interface SsdTable<Row extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly row: Row;
}

export type RowOf<T extends SsdTable> = z.output<T['row']>;
export type ColumnOf<T extends SsdTable> = keyof z.output<T['row']> & string;

function table<Row extends z.ZodObject>(name: string, row: Row): SsdTable<Row> {
  return { name, row };
}

/** The select list of a table's reads: its schema's columns, in the schema's order. */
export function columnsOf(ssdTable: SsdTable): string {
  return Object.keys(ssdTable.row.shape).join(', ');
}

/** One statement for a whole batch: every row whose `column` is any of the ids in $1 (an indexed lookup). */
export function selectWhereAny<T extends SsdTable>(ssdTable: T, column: ColumnOf<T>): string {
  return `SELECT ${columnsOf(ssdTable)} FROM ${ssdTable.name} WHERE ${column} = ANY($1)`;
}

export const ssd = {
  person: table('ssd_person', rows.personRow),
  personIndex: table('ssd_person', rows.personIndexRow),
  linkedIdentifiers: table('ssd_linked_identifiers', rows.linkedIdentifierRow),
  address: table('ssd_address', rows.addressRow),
  disability: table('ssd_disability', rows.disabilityRow),
  cinEpisodes: table('ssd_cin_episodes', rows.cinEpisodeRow),
  assessments: table('ssd_cin_assessments', rows.assessmentRow),
  assessmentFactors: table('ssd_assessment_factors', rows.assessmentFactorsRow),
  cinPlans: table('ssd_cin_plans', rows.cinPlanRow),
  cinVisits: table('ssd_cin_visits', rows.cinVisitRow),
  s47Enquiries: table('ssd_s47_enquiry', rows.s47EnquiryRow),
  initialConferences: table('ssd_initial_cp_conference', rows.initialConferenceRow),
  cpPlans: table('ssd_cp_plans', rows.cpPlanRow),
  cpVisits: table('ssd_cp_visits', rows.cpVisitRow),
  cpReviews: table('ssd_cp_reviews', rows.cpReviewRow),
  claEpisodes: table('ssd_cla_episodes', rows.claEpisodeRow),
  legalStatuses: table('ssd_legal_status', rows.legalStatusRow),
  placements: table('ssd_cla_placement', rows.placementRow),
  claReviews: table('ssd_cla_reviews', rows.claReviewRow),
  healthChecks: table('ssd_cla_health', rows.healthCheckRow),
  carePlans: table('ssd_cla_care_plan', rows.carePlanRow),
  claVisits: table('ssd_cla_visits', rows.claVisitRow),
  missing: table('ssd_missing', rows.missingRow),
  careLeavers: table('ssd_care_leavers', rows.careLeaverRow),
  professionals: table('ssd_professionals', rows.professionalRow),
  involvements: table('ssd_involvements', rows.involvementRow),
  professionalContacts: table('ssdx_professional_contact', rows.professionalContactRow),
  placementReferrals: table('ssdx_placement_referral', rows.placementReferralRow),
  placementAssessments: table('ssdx_placement_assessment', rows.placementAssessmentRow),
  meetings: table('ssdx_meeting', rows.meetingRow),
  placementDetails: table('ssdx_placement_detail', rows.placementDetailRow),
  placementPlans: table('ssdx_placement_plan', rows.placementPlanRow),
  placementNotifications: table('ssdx_placement_notification', rows.placementNotificationRow),
  coresidentNotifications: table('ssdx_coresident_notification', rows.coresidentNotificationRow),
  carePlanHealth: table('ssdx_care_plan_health', rows.carePlanHealthRow),
  sealedRecords: table('ssdx_sealed_record', rows.sealedRecordRow),
  missingDetails: table('ssdx_missing_detail', rows.missingDetailRow),
  careLeaverPathways: table('ssdx_care_leaver_pathway', rows.careLeaverPathwayRow),
  residentialUnits: table('ssdx_residential_unit', rows.residentialUnitRow),
  residents: table('ssdx_residential_unit_residents', rows.residentRow),
} as const;
