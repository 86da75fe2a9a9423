/**
 * Reads of the findings store for the findings subschema: a child's findings, a filtered page across children,
 * and each finding's history. Keyset paging by id.
 */
import type { Queryable } from '../../store/db.js';

export const findingStatuses = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'AUTO_RESOLVED'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export interface FindingRow {
  id: string;
  child_id: string;
  rule_id: string;
  subject_kind: string;
  subject_id: string;
  severity: string;
  category: string;
  summary: string;
  evidence: Array<{ agency: string; recordId: string | null; fact: string; asOf: string | null }>;
  due_date: string | null;
  source_kind: string;
  source_citation: string;
  owner_role: string;
  owner_person: string | null;
  status: FindingStatus;
  opened_at: Date;
  status_changed_at: Date;
  closed_at: Date | null;
}

export interface HistoryRow {
  finding_id: string;
  at: Date;
  change: string;
  status: string;
  actor: string;
  note: string | null;
}

const columns = `id::text AS id, child_id, rule_id, subject_kind, subject_id, severity, category, summary, evidence,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, source_kind, source_citation, owner_role, owner_person, status,
  opened_at, status_changed_at, closed_at`;

export async function findingsOfChildren(
  db: Queryable,
  childIds: readonly string[],
  statuses: readonly FindingStatus[],
): Promise<Map<string, FindingRow[]>> {
  const byChild = new Map<string, FindingRow[]>(childIds.map((id) => [id, []]));
  if (childIds.length === 0) return byChild;
  const { rows } = await db.query<FindingRow>(
    `SELECT ${columns} FROM findings WHERE child_id = ANY($1::text[]) AND status = ANY($2::text[])
     ORDER BY child_id, CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, id`,
    [childIds, statuses],
  );
  for (const row of rows) byChild.get(row.child_id)?.push(row);
  return byChild;
}

export interface FindingFilter {
  rules?: readonly string[] | undefined;
  severities?: readonly string[] | undefined;
  ownerRoles?: readonly string[] | undefined;
  ownerPerson?: string | undefined;
  statuses: readonly FindingStatus[];
  /** Findings whose evidence cites this agency. */
  agency?: string | undefined;
  /** Only these children (the caller's reachable children). */
  childIds: readonly string[];
}

export async function findingsPage(
  db: Queryable,
  filter: FindingFilter,
  first: number,
  afterId: string | null,
): Promise<{ rows: FindingRow[]; hasNextPage: boolean }> {
  const params: unknown[] = [filter.childIds, filter.statuses];
  const where = ['child_id = ANY($1::text[])', 'status = ANY($2::text[])'];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(condition(params.length));
  };
  if (filter.rules?.length) add((n) => `rule_id = ANY($${n}::text[])`, filter.rules);
  if (filter.severities?.length) add((n) => `severity = ANY($${n}::text[])`, filter.severities);
  if (filter.ownerRoles?.length) add((n) => `owner_role = ANY($${n}::text[])`, filter.ownerRoles);
  if (filter.ownerPerson) add((n) => `owner_person = $${n}`, filter.ownerPerson.trim().toLowerCase());
  if (filter.agency)
    add((n) => `evidence @> jsonb_build_array(jsonb_build_object('agency', $${n}::text))`, filter.agency);
  if (afterId !== null) add((n) => `id > $${n}::bigint`, afterId);
  params.push(first + 1);
  const { rows } = await db.query<FindingRow>(
    `SELECT ${columns} FROM findings WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.length}`,
    params,
  );
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

export async function historyOf(
  db: Queryable,
  findingIds: readonly string[],
): Promise<Map<string, HistoryRow[]>> {
  const byFinding = new Map<string, HistoryRow[]>(findingIds.map((id) => [id, []]));
  if (findingIds.length === 0) return byFinding;
  const { rows } = await db.query<HistoryRow>(
    `SELECT finding_id::text AS finding_id, at, change, status, actor, note FROM finding_history
     WHERE finding_id = ANY($1::bigint[]) ORDER BY id`,
    [findingIds],
  );
  for (const row of rows) byFinding.get(row.finding_id)?.push(row);
  return byFinding;
}

export async function findingById(db: Queryable, id: string): Promise<FindingRow | null> {
  if (!/^[1-9]\d{0,18}$/.test(id)) return null;
  const { rows } = await db.query<FindingRow>(`SELECT ${columns} FROM findings WHERE id = $1::bigint`, [id]);
  return rows[0] ?? null;
}
