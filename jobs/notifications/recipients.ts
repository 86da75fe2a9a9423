/**
 * Who receives a notice, by work e-mail, from the relationships the identity sync copied: the allocated social
 * worker and IRO (jobs/reconcile-child/owner-people.ts) and, for education alerts, the virtual school head the
 * education system records for the pupil (relationship kind VIRTUAL_SCHOOL).
 */
import type { Queryable } from '../../store/db.js';

/** The virtual school head of each child that has one: the most recently recorded. */
export async function virtualSchoolHeadsOf(
  db: Queryable,
  childIds: readonly string[],
): Promise<Map<string, string>> {
  const heads = new Map<string, string>();
  if (childIds.length === 0) return heads;
  const { rows } = await db.query<{ child_id: string; person: string }>(
    `SELECT ar.child_id, lower(cr.subject_person) AS person
     FROM child_relationships cr
     JOIN agency_records ar ON ar.agency = cr.agency AND ar.local_id = cr.local_id
     WHERE ar.child_id = ANY($1::text[]) AND cr.kind = 'VIRTUAL_SCHOOL' AND cr.subject_person IS NOT NULL
     ORDER BY ar.child_id, cr.since DESC NULLS LAST, cr.refreshed_at DESC, person`,
    [childIds],
  );
  for (const row of rows) if (!heads.has(row.child_id)) heads.set(row.child_id, row.person);
  return heads;
}
