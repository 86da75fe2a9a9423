/**
 * One child's SSD record as the connector loads it: the rows of every table that concerns them, validated, before
 * any mapping. The tables read by person id are listed once here; reads keyed otherwise (assessment factors by
 * assessment, reviews by period of care, professionals by id) follow from these.
 */
import type { AssessmentFactorsRow, ClaReviewRow, PersonRow, ProfessionalRow } from './payload-schemas.js';
import { ssd, type ColumnOf, type RowOf, type SsdTable } from './ssd-tables.js';

export interface PersonKeyedRead<T extends SsdTable = SsdTable> {
  table: T;
  /** The table's person id column. */
  column: ColumnOf<T>;
}

function byPerson<T extends SsdTable>(table: T, column: ColumnOf<T>): PersonKeyedRead<T> {
  return { table, column };
}

/** Every table read by person id: one statement each for a whole batch of children. */
export const personKeyedReads = {
  person: byPerson(ssd.person, 'pers_person_id'),
  sealedRecords: byPerson(ssd.sealedRecords, 'seal_person_id'),
  disabilities: byPerson(ssd.disability, 'disa_person_id'),
  referrals: byPerson(ssd.cinEpisodes, 'cine_person_id'),
  assessments: byPerson(ssd.assessments, 'cina_person_id'),
  cinPlans: byPerson(ssd.cinPlans, 'cinp_person_id'),
  cinVisits: byPerson(ssd.cinVisits, 'cinv_person_id'),
  s47Enquiries: byPerson(ssd.s47Enquiries, 's47e_person_id'),
  initialConferences: byPerson(ssd.initialConferences, 'icpc_person_id'),
  cpPlans: byPerson(ssd.cpPlans, 'cppl_person_id'),
  cpVisits: byPerson(ssd.cpVisits, 'cppv_person_id'),
  cpReviews: byPerson(ssd.cpReviews, 'cppr_person_id'),
  claEpisodes: byPerson(ssd.claEpisodes, 'clae_person_id'),
  legalStatuses: byPerson(ssd.legalStatuses, 'lega_person_id'),
  placements: byPerson(ssd.placements, 'clap_person_id'),
  placementDetails: byPerson(ssd.placementDetails, 'pldx_person_id'),
  healthChecks: byPerson(ssd.healthChecks, 'clah_person_id'),
  carePlans: byPerson(ssd.carePlans, 'lacp_person_id'),
  carePlanHealth: byPerson(ssd.carePlanHealth, 'cphs_person_id'),
  claVisits: byPerson(ssd.claVisits, 'clav_person_id'),
  missing: byPerson(ssd.missing, 'miss_person_id'),
  missingDetails: byPerson(ssd.missingDetails, 'msdx_person_id'),
  careLeavers: byPerson(ssd.careLeavers, 'clea_person_id'),
  careLeaverPathways: byPerson(ssd.careLeaverPathways, 'clpx_person_id'),
  involvements: byPerson(ssd.involvements, 'invo_person_id'),
  placementReferrals: byPerson(ssd.placementReferrals, 'plrf_person_id'),
  placementAssessments: byPerson(ssd.placementAssessments, 'plas_person_id'),
  meetings: byPerson(ssd.meetings, 'meet_person_id'),
  placementPlans: byPerson(ssd.placementPlans, 'plpl_person_id'),
  placementNotifications: byPerson(ssd.placementNotifications, 'plno_person_id'),
  coresidentNotifications: byPerson(ssd.coresidentNotifications, 'corn_person_id'),
};

export type PersonKeyedReads = typeof personKeyedReads;

/** The rows of each person-keyed table, for one child or for a whole batch. */
export type PersonKeyedRows = { [K in keyof PersonKeyedReads]: RowOf<PersonKeyedReads[K]['table']>[] };

export type ChildRecord = Omit<PersonKeyedRows, 'person'> & {
  personId: string;
  person: PersonRow;
  /** The factor rows of this child's assessments. */
  assessmentFactors: AssessmentFactorsRow[];
  /** Reviews of this child's periods of care (the SSD keys reviews by period, not by person). */
  claReviews: ClaReviewRow[];
  /** Every professional the record names (involvements, personal adviser, notified workers), by id. */
  professionals: ReadonlyMap<string, ProfessionalRow>;
};
