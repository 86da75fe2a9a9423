/**
 * The reads the grant operations need besides gateway/audit's: whether a child is in the identity index, whose a
 * grant is, and a user's own grants.
 */
import type { Queryable } from '../../store/db.js';
import { grantColumns, toGrant, type AccessGrant, type GrantRow } from '../audit/access-grants.js';

/** Hub ids (children.id) and grant ids are short plain tokens; anything else cannot name a row. */
const childIdPattern = /^[\w-]{1,64}$/;
const grantIdPattern = /^[1-9]\d{0,18}$/;

export async function childExists(db: Queryable, childId: string): Promise<boolean> {
  if (!childIdPattern.test(childId)) return false;
  const { rows } = await db.query('SELECT 1 FROM children WHERE id = $1', [childId]);
  return rows.length > 0;
}

/** The user id holding a grant, or null when there is no such grant. */
export async function grantHolder(db: Queryable, grantId: string): Promise<string | null> {
  if (!grantIdPattern.test(grantId)) return null;
  const { rows } = await db.query<{ user_id: string }>(
    'SELECT user_id FROM access_grants WHERE id = $1::bigint',
    [grantId],
  );
  return rows[0]?.user_id ?? null;
}

/** A user's grants, newest first: only those in force at `now` when `activeOnly`. At most `limit`. */
export async function grantsOfUser(
  db: Queryable,
  query: { userId: string; activeOnly: boolean; now: Date; limit: number },
): Promise<AccessGrant[]> {
  const { rows } = await db.query<GrantRow>(
    `SELECT ${grantColumns}
     FROM access_grants
     WHERE user_id = $1
       AND (NOT $2::boolean OR (ended_at IS NULL AND starts_at <= $3 AND ends_at > $3))
     ORDER BY starts_at DESC, access_grants.id DESC
     LIMIT $4::int`,
    [query.userId, query.activeOnly, query.now.toISOString(), query.limit],
  );
  return rows.map(toGrant);
}
