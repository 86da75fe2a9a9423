/**
 * The two questions the views ask of the findings store (store migration 0007): the findings still open for some
 * children (for the tracker), and which children a placement referral's REFERRAL_OUT_OF_DATE finding is about (so
 * `referralAudit` can go straight to the child instead of reading every child the caller may see). Rows are
 * parsed with zod: the store is a boundary too.
 */
import { z } from 'zod';
import type { TrackerFinding } from '../../jobs/views/index.js';
import { DATA_CATEGORIES } from '../../schema/data-categories.js';
import type { Queryable } from '../../store/db.js';

const openFindingRow = z.object({
  id: z.string(),
  child_id: z.string(),
  rule_id: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  category: z.enum(DATA_CATEGORIES),
  status: z.enum(['OPEN', 'ACKNOWLEDGED']),
  due_date: z.string().nullable(),
});

/** Open and acknowledged findings per child, most severe first. One statement. */
export async function openFindingsOf(
  db: Queryable,
  childIds: readonly string[],
): Promise<Map<string, TrackerFinding[]>> {
  const byChild = new Map<string, TrackerFinding[]>(childIds.map((id) => [id, []]));
  if (childIds.length === 0) return byChild;
  const { rows } = await db.query(
    `SELECT id::text AS id, child_id, rule_id, severity, category, status,
            to_char(due_date, 'YYYY-MM-DD') AS due_date
     FROM findings
     WHERE child_id = ANY($1::text[]) AND status IN ('OPEN', 'ACKNOWLEDGED')
     ORDER BY child_id, CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, id`,
    [childIds],
  );
  for (const raw of rows) {
    const row = openFindingRow.parse(raw);
    byChild.get(row.child_id)?.push({
      id: row.id,
      rule: row.rule_id,
      severity: row.severity,
      category: row.category,
      status: row.status,
      dueDate: row.due_date,
    });
  }
  return byChild;
}

/** The children among `childIds` with a REFERRAL_OUT_OF_DATE finding (any status) on this placement referral. */
export async function childrenWithReferralFinding(
  db: Queryable,
  referralId: string,
  childIds: readonly string[],
): Promise<string[]> {
  if (childIds.length === 0) return [];
  const { rows } = await db.query(
    `SELECT DISTINCT child_id FROM findings
     WHERE rule_id = 'REFERRAL_OUT_OF_DATE' AND subject_kind = 'PLACEMENT_REFERRAL' AND subject_id = $1
       AND child_id = ANY($2::text[])`,
    [referralId, childIds],
  );
  return rows.map((row) => z.object({ child_id: z.string() }).parse(row).child_id);
}
