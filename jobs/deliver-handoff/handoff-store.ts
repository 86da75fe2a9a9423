/**
 * The transition_handoffs table (store/migrations/0008): requests, delivery attempts, the outcome, and the
 * history of each. The gateway writes the request; the deliver-handoff job writes everything after it.
 */
import type { Queryable } from '../../store/db.js';

export const HANDOFF_STATUSES = ['REQUESTED', 'DELIVERED', 'ACKNOWLEDGED', 'FAILED'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const jobActor = 'deliver-handoff';

export interface HandoffRow {
  id: string;
  childId: string;
  requestedBy: string;
  reason: string;
  status: HandoffStatus;
  attempts: number;
  adultReference: string | null;
  lastErrorCode: string | null;
  requestedAt: string;
  statusChangedAt: string;
  deliveredAt: string | null;
}

interface DbRow {
  id: string;
  child_id: string;
  requested_by: string;
  reason: string;
  status: HandoffStatus;
  attempts: number;
  adult_reference: string | null;
  last_error_code: string | null;
  requested_at: Date | string;
  status_changed_at: Date | string;
  delivered_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toRow(row: DbRow): HandoffRow {
  return {
    id: row.id,
    childId: row.child_id,
    requestedBy: row.requested_by,
    reason: row.reason,
    status: row.status,
    attempts: row.attempts,
    adultReference: row.adult_reference,
    lastErrorCode: row.last_error_code,
    requestedAt: iso(row.requested_at),
    statusChangedAt: iso(row.status_changed_at),
    deliveredAt: row.delivered_at === null ? null : iso(row.delivered_at),
  };
}

async function addHistory(
  db: Queryable,
  entry: {
    handoffId: string;
    at: Date;
    change: string;
    status: HandoffStatus;
    attempt?: number;
    errorCode?: string;
    actor: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO transition_handoff_history (handoff_id, at, change, status, attempt, error_code, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.handoffId,
      entry.at,
      entry.change,
      entry.status,
      entry.attempt ?? null,
      entry.errorCode ?? null,
      entry.actor,
    ],
  );
}

export async function createHandoff(
  db: Queryable,
  request: { id: string; childId: string; requestedBy: string; reason: string; at: Date },
): Promise<HandoffRow> {
  const { rows } = await db.query<DbRow>(
    `INSERT INTO transition_handoffs (id, child_id, requested_by, reason, status, requested_at, status_changed_at)
     VALUES ($1, $2, $3, $4, 'REQUESTED', $5, $5) RETURNING *`,
    [request.id, request.childId, request.requestedBy, request.reason, request.at],
  );
  await addHistory(db, {
    handoffId: request.id,
    at: request.at,
    change: 'REQUESTED',
    status: 'REQUESTED',
    actor: request.requestedBy,
  });
  return toRow(rows[0]!);
}

export async function handoffById(db: Queryable, id: string): Promise<HandoffRow | null> {
  const { rows } = await db.query<DbRow>('SELECT * FROM transition_handoffs WHERE id = $1', [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/** Each child's handoffs, newest first. */
export async function handoffsOfChildren(
  db: Queryable,
  childIds: readonly string[],
): Promise<Map<string, HandoffRow[]>> {
  const byChild = new Map<string, HandoffRow[]>(childIds.map((id) => [id, []]));
  if (childIds.length === 0) return byChild;
  const { rows } = await db.query<DbRow>(
    `SELECT * FROM transition_handoffs WHERE child_id = ANY($1::text[]) ORDER BY requested_at DESC, id`,
    [childIds],
  );
  for (const row of rows) byChild.get(row.child_id)?.push(toRow(row));
  return byChild;
}

/** A failed attempt that will be retried: counted, with its reason code. Only while still REQUESTED. */
export async function recordFailedAttempt(
  db: Queryable,
  failure: { id: string; attempt: number; errorCode: string; at: Date },
): Promise<void> {
  const { rowCount } = await db.query(
    `UPDATE transition_handoffs SET attempts = greatest(attempts, $2), last_error_code = $3
     WHERE id = $1 AND status = 'REQUESTED'`,
    [failure.id, failure.attempt, failure.errorCode],
  );
  if (rowCount === 0) return;
  await addHistory(db, {
    handoffId: failure.id,
    at: failure.at,
    change: 'ATTEMPT_FAILED',
    status: 'REQUESTED',
    attempt: failure.attempt,
    errorCode: failure.errorCode,
    actor: jobActor,
  });
}

/** Adult services have the package. Only from REQUESTED; answers whether this call made the change. */
export async function markDelivered(
  db: Queryable,
  delivery: { id: string; attempt: number; reference: string; at: Date },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE transition_handoffs SET status = 'DELIVERED', adult_reference = $3, attempts = greatest(attempts, $2),
       status_changed_at = $4, delivered_at = $4
     WHERE id = $1 AND status = 'REQUESTED'`,
    [delivery.id, delivery.attempt, delivery.reference, delivery.at],
  );
  if (rowCount === 0) return false;
  await addHistory(db, {
    handoffId: delivery.id,
    at: delivery.at,
    change: 'DELIVERED',
    status: 'DELIVERED',
    attempt: delivery.attempt,
    actor: jobActor,
  });
  return true;
}

/** The dead letter: no more attempts, with the last reason code. Only from REQUESTED. */
export async function markFailed(
  db: Queryable,
  failure: { id: string; attempt: number; errorCode: string; at: Date },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE transition_handoffs SET status = 'FAILED', attempts = greatest(attempts, $2), last_error_code = $3,
       status_changed_at = $4
     WHERE id = $1 AND status = 'REQUESTED'`,
    [failure.id, failure.attempt, failure.errorCode, failure.at],
  );
  if (rowCount === 0) return false;
  await addHistory(db, {
    handoffId: failure.id,
    at: failure.at,
    change: 'FAILED',
    status: 'FAILED',
    attempt: failure.attempt,
    errorCode: failure.errorCode,
    actor: jobActor,
  });
  return true;
}

/**
 * Adult services say a person has picked the case up. Forward only: from DELIVERED with the same reference, or
 * from REQUESTED (the acknowledgement overtook the job's own record of delivery, so it brings the reference).
 * Answers what it found, so the caller can log a code; only 'ACKNOWLEDGED' changed anything.
 */
export async function markAcknowledged(
  db: Queryable,
  ack: { id: string; reference: string; at: Date; actor: string },
): Promise<
  'ACKNOWLEDGED' | 'ALREADY_ACKNOWLEDGED' | 'UNKNOWN_HANDOFF' | 'REFERENCE_MISMATCH' | 'HANDOFF_FAILED'
> {
  const { rowCount } = await db.query(
    `UPDATE transition_handoffs SET status = 'ACKNOWLEDGED', adult_reference = $2,
       status_changed_at = greatest(status_changed_at, $3), delivered_at = coalesce(delivered_at, $3)
     WHERE id = $1 AND (status = 'REQUESTED' OR (status = 'DELIVERED' AND adult_reference = $2))`,
    [ack.id, ack.reference, ack.at],
  );
  if (rowCount > 0) {
    await addHistory(db, {
      handoffId: ack.id,
      at: ack.at,
      change: 'ACKNOWLEDGED',
      status: 'ACKNOWLEDGED',
      actor: ack.actor,
    });
    return 'ACKNOWLEDGED';
  }
  const current = await handoffById(db, ack.id);
  if (!current) return 'UNKNOWN_HANDOFF';
  if (current.status === 'FAILED') return 'HANDOFF_FAILED';
  if (current.adultReference !== ack.reference) return 'REFERENCE_MISMATCH';
  return 'ALREADY_ACKNOWLEDGED';
}

/**
 * REQUESTED handoffs whose status has not moved since before `before`, oldest first: candidates for a lost
 * delivery job. Failed attempts do not move status_changed_at, so a handoff still retrying is listed too (its job
 * exists, and enqueueing it again under the same id adds nothing).
 */
export async function undeliveredHandoffIds(db: Queryable, before: Date, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM transition_handoffs WHERE status = 'REQUESTED' AND status_changed_at < $1
     ORDER BY status_changed_at, id LIMIT $2`,
    [before, limit],
  );
  return rows.map((row) => row.id);
}

export async function historyOf(
  db: Queryable,
  id: string,
): Promise<
  Array<{ change: string; status: HandoffStatus; attempt: number | null; errorCode: string | null }>
> {
  const { rows } = await db.query<{
    change: string;
    status: HandoffStatus;
    attempt: number | null;
    error_code: string | null;
  }>(
    'SELECT change, status, attempt, error_code FROM transition_handoff_history WHERE handoff_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((row) => ({
    change: row.change,
    status: row.status,
    attempt: row.attempt,
    errorCode: row.error_code,
  }));
}
