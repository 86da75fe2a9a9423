/**
 * What a person does with a finding: acknowledge it (they have seen it and own it) or resolve it (it is dealt
 * with), each with a note kept in the finding's history under their user id. A resolved finding whose condition
 * the data still shows opens again at the next reconciliation run, as a new finding.
 */
import type { Db } from '../../store/db.js';

export type PersonAction = 'ACKNOWLEDGE' | 'RESOLVE';

/** The finding's status after the action, or null when it was not open (already resolved, or no such finding). */
export async function actOnFinding(
  db: Db,
  input: { findingId: string; action: PersonAction; actor: string; note: string | null; at: Date },
): Promise<'ACKNOWLEDGED' | 'RESOLVED' | null> {
  if (!/^[1-9]\d{0,18}$/.test(input.findingId)) return null;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ status: string }>(
      `SELECT status FROM findings WHERE id = $1 FOR UPDATE`,
      [input.findingId],
    );
    const status = rows[0]?.status;
    if (status !== 'OPEN' && status !== 'ACKNOWLEDGED') return null;
    const next = input.action === 'RESOLVE' ? 'RESOLVED' : 'ACKNOWLEDGED';
    if (next === status) return next;
    await tx.query(
      `UPDATE findings SET status = $2::text, status_changed_at = $3::timestamptz, closed_at = CASE WHEN $2::text = 'RESOLVED' THEN $3::timestamptz END
       WHERE id = $1`,
      [input.findingId, next, input.at],
    );
    await tx.query(
      `INSERT INTO finding_history (finding_id, at, change, status, actor, note) VALUES ($1, $2, $3, $3, $4, $5)`,
      [input.findingId, input.at, next, input.actor, input.note],
    );
    return next;
  });
}
