/**
 * People's decisions about pairs the matcher was unsure of. A decision is stored (the matcher applies it on every
 * later run) and takes effect now: a confirmed pair's children become one, the larger keeping its id.
 */
import { HubError } from '../../platform/errors.js';
import type { Db } from '../../store/db.js';

const agencyEnum: Record<string, string> = {
  'social-care': 'SOCIAL_CARE',
  gp: 'HEALTH',
  education: 'EDUCATION',
  adult: 'ADULT_SERVICES',
};

interface ReviewRow {
  id: string;
  a_agency: string;
  a_local_id: string;
  b_agency: string;
  b_local_id: string;
  score: number;
  agreement: unknown;
  status: string;
}

function toReview(row: ReviewRow) {
  return {
    id: String(row.id),
    a: { agency: agencyEnum[row.a_agency], localId: row.a_local_id, method: 'SINGLE', score: null },
    b: { agency: agencyEnum[row.b_agency], localId: row.b_local_id, method: 'SINGLE', score: null },
    score: row.score,
    agreement: typeof row.agreement === 'string' ? row.agreement : JSON.stringify(row.agreement),
    status: row.status,
  };
}

export async function openReviewPage(db: Db, first: number, afterId: number) {
  const { rows } = await db.query<ReviewRow>(
    `SELECT id, a_agency, a_local_id, b_agency, b_local_id, score, agreement, status FROM match_reviews
      WHERE status = 'OPEN' AND id > $1 ORDER BY id LIMIT $2`,
    [afterId, first + 1],
  );
  const nodes = rows.slice(0, first).map(toReview);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
    },
  };
}

export async function decideLink(
  db: Db,
  reviewId: string,
  decision: 'CONFIRM' | 'SPLIT',
  actor: string,
  reason: string,
) {
  if (!/^\d{1,18}$/.test(reviewId)) throw new HubError('NOT_FOUND');
  if (reason.trim().length < 3)
    throw new HubError('VALIDATION_FAILED', { safeMessage: 'A reason is required.' });
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ReviewRow>(
      `SELECT id, a_agency, a_local_id, b_agency, b_local_id, score, agreement, status FROM match_reviews WHERE id = $1 FOR UPDATE`,
      [reviewId],
    );
    const review = rows[0];
    if (!review) throw new HubError('NOT_FOUND');
    if (review.status !== 'OPEN')
      throw new HubError('CONFLICT', { safeMessage: 'This review has already been decided.' });
    await tx.query(
      `INSERT INTO match_decisions (a_agency, a_local_id, b_agency, b_local_id, decision, decided_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (a_agency, a_local_id, b_agency, b_local_id) DO UPDATE
         SET decision = excluded.decision, decided_by = excluded.decided_by, reason = excluded.reason, decided_at = now()`,
      [review.a_agency, review.a_local_id, review.b_agency, review.b_local_id, decision, actor, reason],
    );
    const status = decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED';
    const updated = await tx.query<ReviewRow>(
      `UPDATE match_reviews SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1
       RETURNING id, a_agency, a_local_id, b_agency, b_local_id, score, agreement, status`,
      [reviewId, status, actor],
    );
    if (decision === 'CONFIRM') await mergeChildrenOf(tx, review);
    return toReview(updated.rows[0]!);
  });
}

async function mergeChildrenOf(tx: { query: Db['query'] }, review: ReviewRow): Promise<void> {
  const { rows } = await tx.query<{ agency: string; local_id: string; child_id: string; size: number }>(
    `SELECT r.agency, r.local_id, r.child_id,
            (SELECT count(*)::int FROM agency_records s WHERE s.child_id = r.child_id) AS size
       FROM agency_records r
      WHERE (r.agency, r.local_id) IN (($1, $2), ($3, $4))`,
    [review.a_agency, review.a_local_id, review.b_agency, review.b_local_id],
  );
  const [first, second] = rows;
  if (!first || !second || first.child_id === second.child_id) return;
  const [keep, merge] = first.size >= second.size ? [first, second] : [second, first];
  await tx.query(`UPDATE agency_records SET child_id = $1 WHERE child_id = $2`, [
    keep.child_id,
    merge.child_id,
  ]);
  await tx.query(
    `UPDATE agency_records SET link_method = 'MANUAL', link_score = NULL WHERE (agency, local_id) IN (($1, $2), ($3, $4))`,
    [review.a_agency, review.a_local_id, review.b_agency, review.b_local_id],
  );
  await tx.query(`UPDATE identity_conflicts SET child_id = $1 WHERE child_id = $2`, [
    keep.child_id,
    merge.child_id,
  ]);
}

/** All stored decisions, in the matcher's input shape. */
export async function loadDecisions(db: Db) {
  const { rows } = await db.query<{
    a_agency: string;
    a_local_id: string;
    b_agency: string;
    b_local_id: string;
    decision: 'CONFIRM' | 'SPLIT';
  }>(`SELECT a_agency, a_local_id, b_agency, b_local_id, decision FROM match_decisions ORDER BY decided_at`);
  return rows.map((row) => ({
    a: { agency: row.a_agency as 'social-care' | 'gp' | 'education' | 'adult', localId: row.a_local_id },
    b: { agency: row.b_agency as 'social-care' | 'gp' | 'education' | 'adult', localId: row.b_local_id },
    decision: row.decision,
  }));
}

/**
 * Takes one agency record out of a child: it becomes a child of its own now, and the matcher is told never to
 * link it probabilistically to the records it leaves. A link made on a shared valid NHS number or UPN comes back on
 * the next run: the identifier itself is wrong and must be corrected at source.
 */
export async function splitRecord(
  db: Db,
  input: {
    childId: string;
    agency: string;
    localId: string;
    actor: string;
    reason: string;
    newChildId: string;
  },
): Promise<string> {
  if (input.reason.trim().length < 3)
    throw new HubError('VALIDATION_FAILED', { safeMessage: 'A reason is required.' });
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ agency: string; local_id: string }>(
      `SELECT agency, local_id FROM agency_records WHERE child_id = $1 FOR UPDATE`,
      [input.childId],
    );
    const leaving = rows.find((row) => row.agency === input.agency && row.local_id === input.localId);
    if (!leaving) throw new HubError('NOT_FOUND');
    if (rows.length === 1)
      throw new HubError('CONFLICT', { safeMessage: 'The record is the only one linked to this child.' });
    for (const other of rows.filter((row) => row !== leaving)) {
      const [a, b] =
        `${leaving.agency}\u0000${leaving.local_id}` <= `${other.agency}\u0000${other.local_id}`
          ? [leaving, other]
          : [other, leaving];
      await tx.query(
        `INSERT INTO match_decisions (a_agency, a_local_id, b_agency, b_local_id, decision, decided_by, reason)
         VALUES ($1, $2, $3, $4, 'SPLIT', $5, $6)
         ON CONFLICT (a_agency, a_local_id, b_agency, b_local_id) DO UPDATE
           SET decision = 'SPLIT', decided_by = excluded.decided_by, reason = excluded.reason, decided_at = now()`,
        [a.agency, a.local_id, b.agency, b.local_id, input.actor, input.reason],
      );
    }
    await tx.query('INSERT INTO children (id) VALUES ($1)', [input.newChildId]);
    await tx.query(
      `UPDATE agency_records SET child_id = $1, link_method = 'MANUAL', link_score = NULL WHERE agency = $2 AND local_id = $3`,
      [input.newChildId, input.agency, input.localId],
    );
    return input.newChildId;
  });
}
