/**
 * Reads of the identity index: children with their linked agency records, batched so a page of children is one
 * query. The child's displayed demographics are chosen from its records by agency precedence (social care, then
 * education, GP, adult services), because the statutory record of a looked-after child is social care's.
 */
import type { Queryable } from '../../store/db.js';

export type IdentityAgency = 'social-care' | 'gp' | 'education' | 'adult';

export interface LinkedRecord {
  agency: IdentityAgency;
  localId: string;
  nhsNumber: string | null;
  upn: string | null;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  linkMethod: string | null;
  linkScore: number | null;
}

export interface ChildIdentity {
  id: string;
  records: LinkedRecord[];
}

const precedence: IdentityAgency[] = ['social-care', 'education', 'gp', 'adult'];

interface RecordRow {
  child_id: string;
  agency: IdentityAgency;
  local_id: string;
  nhs_number: string | null;
  upn: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  sex: string;
  link_method: string | null;
  link_score: number | null;
}

const recordColumns = `child_id, agency, local_id, nhs_number, upn, given_name, family_name,
  to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, sex, link_method, link_score`;

export async function childrenByIds(
  db: Queryable,
  ids: readonly string[],
): Promise<Array<ChildIdentity | null>> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<RecordRow>(
    `SELECT ${recordColumns} FROM agency_records WHERE child_id = ANY($1::text[]) ORDER BY agency, local_id`,
    [ids],
  );
  const byChild = new Map<string, LinkedRecord[]>();
  for (const row of rows) {
    const list = byChild.get(row.child_id) ?? [];
    list.push(toLinkedRecord(row));
    byChild.set(row.child_id, list);
  }
  return ids.map((id) => {
    const records = byChild.get(id);
    return records ? { id, records } : null;
  });
}

/** Child ids for agency-local record ids (one per input, null where the record is not in the index). */
export async function childIdsByRecords(
  db: Queryable,
  agency: IdentityAgency,
  localIds: readonly string[],
): Promise<Array<string | null>> {
  const { rows } = await db.query<{ local_id: string; child_id: string | null }>(
    `SELECT local_id, child_id FROM agency_records WHERE agency = $1 AND local_id = ANY($2::text[])`,
    [agency, localIds],
  );
  const byLocal = new Map(rows.map((row) => [row.local_id, row.child_id]));
  return localIds.map((localId) => byLocal.get(localId) ?? null);
}

/** Child ids holding a valid identifier (NHS number or UPN); several when the index has not linked them (yet). */
export async function childIdsByIdentifier(
  db: Queryable,
  column: 'nhs_number' | 'upn',
  value: string,
): Promise<string[]> {
  const { rows } = await db.query<{ child_id: string }>(
    `SELECT DISTINCT child_id FROM agency_records WHERE ${column} = $1 AND child_id IS NOT NULL ORDER BY child_id`,
    [value],
  );
  return rows.map((row) => row.child_id);
}

export interface ChildPageFilter {
  linkedTo?: IdentityAgency[] | undefined;
  hasConflicts?: boolean | undefined;
  /** Only these children (the gateway narrows listings to the children the caller may see). */
  ids?: readonly string[] | undefined;
}

/** A page of child ids in id order, after a cursor (keyset paging: stable while children are added). */
export async function childIdPage(
  db: Queryable,
  filter: ChildPageFilter,
  first: number,
  after: string | null,
): Promise<{ ids: string[]; hasNextPage: boolean; totalCount: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.ids !== undefined) {
    params.push(filter.ids);
    conditions.push(`c.id = ANY($${params.length}::text[])`);
  }
  if (filter.linkedTo && filter.linkedTo.length > 0) {
    params.push(filter.linkedTo);
    conditions.push(
      `(SELECT count(DISTINCT r.agency) FROM agency_records r WHERE r.child_id = c.id AND r.agency = ANY($${params.length}::text[]))
        = cardinality($${params.length}::text[])`,
    );
  }
  if (filter.hasConflicts !== undefined) {
    conditions.push(
      `${filter.hasConflicts ? '' : 'NOT '}EXISTS (SELECT 1 FROM identity_conflicts k WHERE k.child_id = c.id AND k.resolved_at IS NULL)`,
    );
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM children c ${where}`, params);
  const pageParams = [...params];
  let pageWhere = where;
  if (after !== null) {
    pageParams.push(after);
    pageWhere = `${where ? `${where} AND` : 'WHERE'} c.id > $${pageParams.length}`;
  }
  pageParams.push(first + 1);
  const { rows } = await db.query<{ id: string }>(
    `SELECT c.id FROM children c ${pageWhere} ORDER BY c.id LIMIT $${pageParams.length}`,
    pageParams,
  );
  return {
    ids: rows.slice(0, first).map((row) => row.id),
    hasNextPage: rows.length > first,
    totalCount: total.rows[0]?.n ?? 0,
  };
}

export interface ConflictRow {
  childId: string;
  agency: string;
  localId: string;
  kind: string;
  otherAgency: string | null;
  otherLocalId: string | null;
  detectedAt: string;
}

export async function openConflictsByChild(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, ConflictRow[]>> {
  const { rows } = await db.query<{
    child_id: string;
    agency: string;
    local_id: string;
    kind: string;
    other_agency: string | null;
    other_local_id: string | null;
    detected_at: Date;
  }>(
    `SELECT child_id, agency, local_id, kind, other_agency, other_local_id, detected_at
       FROM identity_conflicts WHERE child_id = ANY($1::text[]) AND resolved_at IS NULL ORDER BY id`,
    [ids],
  );
  const result = new Map<string, ConflictRow[]>();
  for (const row of rows) {
    const list = result.get(row.child_id) ?? [];
    list.push({
      childId: row.child_id,
      agency: row.agency,
      localId: row.local_id,
      kind: row.kind,
      otherAgency: row.other_agency,
      otherLocalId: row.other_local_id,
      detectedAt: new Date(row.detected_at).toISOString(),
    });
    result.set(row.child_id, list);
  }
  return result;
}

/**
 * Why each child's record is sealed (ADOPTION, RESTRICTED_ADDRESS, ...), for the children among `childIds` that an
 * agency seals; a child with no sealed record is absent. When several of a child's records are sealed, the first
 * by agency precedence (then local id) gives the reason. One query for the whole list, so the gateway can check a
 * page of children without reading any agency.
 */
export async function sealedReasonsByChild(
  db: Queryable,
  childIds: readonly string[],
): Promise<Map<string, string>> {
  if (childIds.length === 0) return new Map();
  const { rows } = await db.query<{ child_id: string; sealed_reason: string }>(
    `SELECT DISTINCT ON (child_id) child_id, sealed_reason FROM agency_records
      WHERE child_id = ANY($1::text[]) AND sealed_reason IS NOT NULL
      ORDER BY child_id, array_position($2::text[], agency), local_id`,
    [childIds, precedence],
  );
  return new Map(rows.map((row) => [row.child_id, row.sealed_reason]));
}

/** The demographics to show for a child: from the highest-precedence agency that holds a record. */
export function displayRecord(records: readonly LinkedRecord[]): LinkedRecord | undefined {
  for (const agency of precedence) {
    const found = records.find((record) => record.agency === agency);
    if (found) return found;
  }
  return records[0];
}

function toLinkedRecord(row: RecordRow): LinkedRecord {
  return {
    agency: row.agency,
    localId: row.local_id,
    nhsNumber: row.nhs_number,
    upn: row.upn,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    linkMethod: row.link_method,
    linkScore: row.link_score,
  };
}
