/**
 * What a person does with a dead letter. Replaying supplies a corrected record: the record goes back to PENDING
 * (the ingest job reads the correction, raw stays as received) and its feed back to RECEIVED; the caller enqueues
 * `ingest-feed` and audits the action. Discarding closes the letter and leaves the record REJECTED. Both act on an
 * OPEN letter only, in one transaction.
 */
import { HubError } from '../../platform/errors.js';
import type { Db, Tx } from '../../store/db.js';

export class DeadLetterNotFoundError extends HubError {
  constructor() {
    super('NOT_FOUND', { safeMessage: 'No such dead letter.' });
    this.name = 'DeadLetterNotFoundError';
  }
}

export class DeadLetterNotOpenError extends HubError {
  readonly status: string;
  constructor(status: string) {
    super('CONFLICT', {
      safeMessage: `The dead letter is ${status.toLowerCase()}, not open.`,
      details: { status },
    });
    this.name = 'DeadLetterNotOpenError';
    this.status = status;
  }
}

export interface DeadLetterAction {
  deadLetterId: string | number;
  /** The acting user's id, recorded as resolved_by. */
  actor: string;
  now: Date;
}

async function openLetter(
  tx: Tx,
  deadLetterId: string | number,
): Promise<{ feed_id: string; position: number }> {
  if (!/^\d{1,18}$/.test(String(deadLetterId))) throw new DeadLetterNotFoundError();
  const { rows } = await tx.query<{ feed_id: string; position: number; status: string }>(
    `SELECT feed_id, position, status FROM feed_dead_letters WHERE id = $1 FOR UPDATE`,
    [String(deadLetterId)],
  );
  const letter = rows[0];
  if (!letter) throw new DeadLetterNotFoundError();
  if (letter.status !== 'OPEN') throw new DeadLetterNotOpenError(letter.status);
  return letter;
}

export async function replayDeadLetter(
  db: Db,
  action: DeadLetterAction & { correctedRaw: Buffer },
): Promise<{ feedId: string }> {
  return db.transaction(async (tx) => {
    // The feed row first, in the order the ingest job locks: a replay never deadlocks with a running chunk.
    const { rows } = await tx.query<{ feed_id: string }>(
      `SELECT feed_id FROM feed_dead_letters WHERE id = $1`,
      [/^\d{1,18}$/.test(String(action.deadLetterId)) ? String(action.deadLetterId) : '0'],
    );
    if (rows[0]) await tx.query(`SELECT 1 FROM feeds WHERE id = $1 FOR UPDATE`, [rows[0].feed_id]);
    const letter = await openLetter(tx, action.deadLetterId);
    await tx.query(
      `UPDATE feed_records
          SET corrected_raw = $3, replays = replays + 1, state = 'PENDING', child_id = NULL, processed_at = NULL
        WHERE feed_id = $1 AND position = $2`,
      [letter.feed_id, letter.position, action.correctedRaw],
    );
    await resolve(tx, action, 'REPLAYED');
    await tx.query(
      `UPDATE feeds SET status = 'RECEIVED', processed_at = NULL WHERE id = $1 AND status IN ('RECEIVED', 'PROCESSED')`,
      [letter.feed_id],
    );
    return { feedId: letter.feed_id };
  });
}

export async function discardDeadLetter(db: Db, action: DeadLetterAction): Promise<{ feedId: string }> {
  return db.transaction(async (tx) => {
    const letter = await openLetter(tx, action.deadLetterId);
    await resolve(tx, action, 'DISCARDED');
    return { feedId: letter.feed_id };
  });
}

async function resolve(tx: Tx, action: DeadLetterAction, status: 'REPLAYED' | 'DISCARDED'): Promise<void> {
  await tx.query(
    `UPDATE feed_dead_letters SET status = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1`,
    [String(action.deadLetterId), status, action.actor, action.now.toISOString()],
  );
}
