/**
 * Writes a matching run into the identity index. Child ids are stable across runs: a cluster keeps the id most of
 * its records already had; when a split leaves two clusters claiming one id, the larger keeps it and the other
 * gets a new one. Conflicts no longer found are resolved; new reviews open; reviews already decided stay decided.
 * Each record's seal (why its agency seals it) is written as the agency reports it now, so unsealing clears it.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import type { AgencyPersonRecord, LinkResult, RecordRef } from './matching/index.js';

export interface IndexWriteReport {
  children: number;
  newChildren: number;
  records: number;
  openConflicts: number;
  openReviews: number;
}

/** A record as the index keeps it: what matching reads, and why the agency seals it (null or absent: not sealed). */
export type IndexedRecord = AgencyPersonRecord & { sealedReason?: string | null };

const refKey = (ref: RecordRef) => `${ref.agency}\u0000${ref.localId}`;

export function newChildId(): string {
  return `ch_${randomBytes(9).toString('base64url')}`;
}

export async function writeIdentityIndex(
  db: Db,
  records: readonly IndexedRecord[],
  result: LinkResult,
  makeId: () => string = newChildId,
): Promise<IndexWriteReport> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['child-view-hub:identity-index']);
    const existing = await currentChildIds(tx);
    const assignment = assignChildIds(result, existing, makeId);
    await tx.query(
      `INSERT INTO children (id) SELECT unnest($1::text[]) ON CONFLICT (id) DO UPDATE SET updated_at = now()`,
      [[...new Set(assignment.childByRecord.values())]],
    );
    await upsertRecords(tx, records, assignment.childByRecord, assignment.methodByRecord);
    const openConflicts = await writeConflicts(tx, result, assignment.childByRecord);
    const openReviews = await writeReviews(tx, result);
    return {
      children: new Set(assignment.childByRecord.values()).size,
      newChildren: assignment.newChildren,
      records: records.length,
      openConflicts,
      openReviews,
    };
  });
}

async function currentChildIds(tx: Queryable): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ agency: string; local_id: string; child_id: string }>(
    'SELECT agency, local_id, child_id FROM agency_records WHERE child_id IS NOT NULL',
  );
  return new Map(rows.map((row) => [`${row.agency}\u0000${row.local_id}`, row.child_id]));
}

const linkStrength: Record<string, number> = {
  SINGLE: 0,
  PROBABILISTIC: 1,
  UPN: 2,
  NHS_NUMBER: 3,
  MANUAL: 4,
};

export function assignChildIds(
  result: LinkResult,
  existing: ReadonlyMap<string, string>,
  makeId: () => string,
): {
  childByRecord: Map<string, string>;
  methodByRecord: Map<string, { method: string; score: number | null }>;
  newChildren: number;
} {
  const childByRecord = new Map<string, string>();
  const methodByRecord = new Map<string, { method: string; score: number | null }>();
  // Largest clusters choose first, so after a split the bigger part keeps the old id.
  const clusters = [...result.clusters].sort((a, b) => b.records.length - a.records.length);
  const taken = new Set<string>();
  let newChildren = 0;
  for (const cluster of clusters) {
    const votes = new Map<string, number>();
    for (const ref of cluster.records) {
      const id = existing.get(refKey(ref));
      if (id !== undefined && !taken.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const [chosen] = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    const childId = chosen ?? makeId();
    if (chosen === undefined) newChildren += 1;
    taken.add(childId);
    for (const ref of cluster.records) {
      childByRecord.set(refKey(ref), childId);
      methodByRecord.set(refKey(ref), { method: 'SINGLE', score: null });
    }
    // A record's method is the strongest evidence on any link touching it.
    for (const link of cluster.links) {
      for (const ref of [link.a, link.b]) {
        const current = methodByRecord.get(refKey(ref));
        if ((linkStrength[link.method] ?? 0) > (linkStrength[current?.method ?? 'SINGLE'] ?? 0)) {
          methodByRecord.set(refKey(ref), { method: link.method, score: link.score ?? null });
        }
      }
    }
  }
  return { childByRecord, methodByRecord, newChildren };
}

async function upsertRecords(
  tx: Queryable,
  records: readonly IndexedRecord[],
  childByRecord: ReadonlyMap<string, string>,
  methodByRecord: ReadonlyMap<string, { method: string; score: number | null }>,
): Promise<void> {
  const chunk = 5000;
  for (let start = 0; start < records.length; start += chunk) {
    const part = records.slice(start, start + chunk);
    const column = <T>(pick: (record: IndexedRecord) => T) => part.map(pick);
    await tx.query(
      `INSERT INTO agency_records (agency, local_id, child_id, nhs_number, upn, given_name, family_name, date_of_birth,
         sex, postcode, link_method, link_score, sealed_reason, seen_at)
       SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::date[], $9::text[], $10::text[], $11::text[], $12::real[], $13::text[])
       ON CONFLICT (agency, local_id) DO UPDATE SET child_id = excluded.child_id, nhs_number = excluded.nhs_number,
         upn = excluded.upn, given_name = excluded.given_name, family_name = excluded.family_name,
         date_of_birth = excluded.date_of_birth, sex = excluded.sex, postcode = excluded.postcode,
         link_method = excluded.link_method, link_score = excluded.link_score,
         sealed_reason = excluded.sealed_reason, seen_at = excluded.seen_at`,
      [
        column((r) => r.agency),
        column((r) => r.localId),
        column((r) => childByRecord.get(refKey(r)) ?? null),
        column((r) => r.nhsNumber),
        column((r) => r.upn),
        column((r) => r.givenName),
        column((r) => r.familyName),
        column((r) => r.dateOfBirth),
        column((r) => r.sex),
        column((r) => r.postcode),
        column((r) => methodByRecord.get(refKey(r))?.method ?? 'SINGLE'),
        column((r) => methodByRecord.get(refKey(r))?.score ?? null),
        column((r) => r.sealedReason ?? null),
      ],
    );
  }
}

async function writeConflicts(
  tx: Queryable,
  result: LinkResult,
  childByRecord: ReadonlyMap<string, string>,
): Promise<number> {
  const rows = result.conflicts.map((conflict) => ({
    childId: childByRecord.get(refKey(conflict.record)) ?? null,
    agency: conflict.record.agency,
    localId: conflict.record.localId,
    kind: conflict.kind,
    otherAgency: conflict.otherRecord?.agency ?? null,
    otherLocalId: conflict.otherRecord?.localId ?? null,
  }));
  const key = (row: {
    agency: string;
    localId: string;
    kind: string;
    otherAgency: string | null;
    otherLocalId: string | null;
  }) => [row.agency, row.localId, row.kind, row.otherAgency ?? '', row.otherLocalId ?? ''].join('\u0000');
  const current = new Set(rows.map(key));
  const open = await tx.query<{
    id: string;
    agency: string;
    local_id: string;
    kind: string;
    other_agency: string | null;
    other_local_id: string | null;
  }>(
    'SELECT id, agency, local_id, kind, other_agency, other_local_id FROM identity_conflicts WHERE resolved_at IS NULL',
  );
  const stale = open.rows
    .filter(
      (row) =>
        !current.has(
          key({
            agency: row.agency,
            localId: row.local_id,
            kind: row.kind,
            otherAgency: row.other_agency,
            otherLocalId: row.other_local_id,
          }),
        ),
    )
    .map((row) => row.id);
  if (stale.length > 0) {
    await tx.query('UPDATE identity_conflicts SET resolved_at = now() WHERE id = ANY($1::bigint[])', [stale]);
  }
  if (rows.length > 0) {
    await tx.query(
      `INSERT INTO identity_conflicts (child_id, agency, local_id, kind, other_agency, other_local_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (agency, local_id, kind, coalesce(other_agency, ''), coalesce(other_local_id, '')) WHERE resolved_at IS NULL
       DO UPDATE SET child_id = excluded.child_id`,
      [
        rows.map((row) => row.childId),
        rows.map((row) => row.agency),
        rows.map((row) => row.localId),
        rows.map((row) => row.kind),
        rows.map((row) => row.otherAgency),
        rows.map((row) => row.otherLocalId),
      ],
    );
  }
  return rows.length;
}

async function writeReviews(tx: Queryable, result: LinkResult): Promise<number> {
  if (result.reviews.length === 0) return 0;
  const ordered = result.reviews.map((review) => {
    const [a, b] = refKey(review.a) <= refKey(review.b) ? [review.a, review.b] : [review.b, review.a];
    return { a, b, score: review.score, agreement: JSON.stringify(review.agreement) };
  });
  await tx.query(
    `INSERT INTO match_reviews (a_agency, a_local_id, b_agency, b_local_id, score, agreement)
     SELECT a, b, c, d, e, f::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::real[], $6::text[]) AS t(a, b, c, d, e, f)
     ON CONFLICT (a_agency, a_local_id, b_agency, b_local_id) DO UPDATE SET score = excluded.score, agreement = excluded.agreement`,
    [
      ordered.map((row) => row.a.agency),
      ordered.map((row) => row.a.localId),
      ordered.map((row) => row.b.agency),
      ordered.map((row) => row.b.localId),
      ordered.map((row) => row.score),
      ordered.map((row) => row.agreement),
    ],
  );
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM match_reviews WHERE status = 'OPEN'`,
  );
  return rows[0]?.n ?? 0;
}
