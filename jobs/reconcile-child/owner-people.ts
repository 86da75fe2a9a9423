/**
 * Who holds each owning role for a child, where an agency records it: the allocated social worker, team manager,
 * IRO and personal adviser / transition worker, by work e-mail, from the relationships the identity sync copied.
 */
import type { Queryable } from '../../store/db.js';
import type { OwnerRole } from '../rules/rule.js';

const roleOfKind: Record<string, OwnerRole> = {
  ALLOCATED_SOCIAL_WORKER: 'SOCIAL_WORKER',
  TEAM_MANAGER: 'TEAM_MANAGER',
  IRO: 'IRO',
  PERSONAL_ADVISER: 'TRANSITION_WORKER',
  TRANSITION_WORKER: 'TRANSITION_WORKER',
};

export async function ownerPeopleOf(
  db: Queryable,
  childIds: readonly string[],
): Promise<Map<string, Partial<Record<OwnerRole, string>>>> {
  const owners = new Map<string, Partial<Record<OwnerRole, string>>>(childIds.map((id) => [id, {}]));
  if (childIds.length === 0) return owners;
  const { rows } = await db.query<{ child_id: string; kind: string; person: string }>(
    `SELECT ar.child_id, cr.kind, lower(cr.subject_person) AS person
     FROM child_relationships cr
     JOIN agency_records ar ON ar.agency = cr.agency AND ar.local_id = cr.local_id
     WHERE ar.child_id = ANY($1::text[]) AND cr.subject_person IS NOT NULL AND cr.kind = ANY($2::text[])
     ORDER BY ar.child_id, cr.kind, cr.since DESC NULLS LAST, person`,
    [childIds, Object.keys(roleOfKind)],
  );
  for (const row of rows) {
    const role = roleOfKind[row.kind];
    const forChild = owners.get(row.child_id);
    // The most recent relationship of each kind names the owner.
    if (role && forChild && forChild[role] === undefined) forChild[role] = row.person;
  }
  return owners;
}
