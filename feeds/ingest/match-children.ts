/**
 * Feed records to children through the identity index: an NHS number or a UPN is linked to a child when an agency
 * record with that identifier has been joined to one. An identifier held by records of two children is ambiguous.
 */
import type { Queryable } from '../../store/db.js';

export type ChildMatch = { childId: string } | { problem: 'NO_MATCHING_CHILD' | 'AMBIGUOUS_CHILD' };

export async function matchChildren(
  db: Queryable,
  column: 'nhs_number' | 'upn',
  identifiers: readonly string[],
): Promise<Map<string, ChildMatch>> {
  const unique = [...new Set(identifiers)];
  const matches = new Map<string, ChildMatch>(
    unique.map((identifier) => [identifier, { problem: 'NO_MATCHING_CHILD' }]),
  );
  if (unique.length === 0) return matches;
  const { rows } = await db.query<{ identifier: string; child_ids: string[] }>(
    `SELECT ${column} AS identifier, array_agg(DISTINCT child_id) AS child_ids
       FROM agency_records
      WHERE ${column} = ANY($1::text[]) AND child_id IS NOT NULL
      GROUP BY ${column}`,
    [unique],
  );
  for (const row of rows) {
    const [only, ...others] = row.child_ids;
    matches.set(
      row.identifier,
      only && others.length === 0 ? { childId: only } : { problem: 'AMBIGUOUS_CHILD' },
    );
  }
  return matches;
}
