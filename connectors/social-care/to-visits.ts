/** Statutory visits from the three SSD visit tables (child in need, child protection, looked after) as one list. */
import type { ChildRecord } from './child-record.js';
import type { VisitValue } from './social-care-section.js';

export function toVisits(record: ChildRecord): VisitValue[] {
  return [
    ...record.cinVisits.map((row): VisitValue => ({
      id: row.cinv_cin_visit_id,
      kind: 'CHILD_IN_NEED',
      date: row.cinv_cin_visit_date,
      childSeen: row.cinv_cin_visit_seen,
      childSeenAlone: row.cinv_cin_visit_seen_alone,
    })),
    ...record.cpVisits.map((row): VisitValue => ({
      id: row.cppv_cp_visit_id,
      kind: 'CHILD_PROTECTION',
      date: row.cppv_cp_visit_date,
      childSeen: row.cppv_cp_visit_seen,
      childSeenAlone: row.cppv_cp_visit_seen_alone,
    })),
    ...record.claVisits.map((row): VisitValue => ({
      id: row.clav_cla_visit_id,
      kind: 'LOOKED_AFTER',
      date: row.clav_cla_visit_date,
      childSeen: row.clav_cla_visit_seen,
      childSeenAlone: row.clav_cla_visit_seen_alone,
    })),
  ];
}
