/**
 * Exactly-once effects on top of at-least-once delivery: the effect and the record of its key commit in one
 * Postgres transaction, so a redelivered job finds the key and returns the first run's result instead.
 * (Job ids alone are not enough: a worker killed after the effect but before acknowledging runs it again.)
 */
import type { Db, Tx } from '../store/db.js';

export interface OnceResult<T> {
  result: T;
  /** False when an earlier delivery already did the work. */
  firstRun: boolean;
}

export async function runOnce<T>(
  db: Db,
  key: { idempotencyKey: string; queue: string; jobName: string },
  effect: (tx: Tx) => Promise<T>,
): Promise<OnceResult<T>> {
  return db.transaction(async (tx) => {
    // Serialise concurrent deliveries of one key; the loser waits, then sees the winner's row.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key.idempotencyKey]);
    const existing = await tx.query<{ result: T }>('SELECT result FROM job_runs WHERE idempotency_key = $1', [
      key.idempotencyKey,
    ]);
    const done = existing.rows[0];
    if (done) return { result: done.result, firstRun: false };
    const result = await effect(tx);
    await tx.query(
      'INSERT INTO job_runs (idempotency_key, queue, job_name, result) VALUES ($1, $2, $3, $4)',
      [key.idempotencyKey, key.queue, key.jobName, JSON.stringify(result ?? null)],
    );
    return { result, firstRun: true };
  });
}
