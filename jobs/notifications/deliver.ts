/**
 * Sends due outbox rows and records what happened.
 *
 * Each row is claimed, sent and finalised in ONE transaction: `SELECT ... FOR UPDATE SKIP LOCKED` takes the row's
 * lock (other workers skip it, so no row is sent by two workers at once), the transport sends, and the row is
 * marked SENT (or its failure recorded) before the transaction commits. The lock is held for the send, which is
 * bounded by the transport's timeouts.
 *
 * The crash window: if the process dies, or the commit fails, after the SMTP server accepted the message (or the
 * webhook answered 2xx) but before the commit, the row is still PENDING and is sent again on the next run. We
 * choose AT-LEAST-ONCE for e-mail on purpose: these are safeguarding alerts, and a duplicate e-mail costs a
 * moment while a lost one can cost a child. The alternative (mark SENT, commit, then send) is at-most-once and
 * silently loses the alert whenever the crash lands after the commit. Duplicates carry the same Message-ID (e-mail)
 * or the same `id` (webhook), so receivers can collapse them. Outside that window a SENT row is never sent again.
 */
import type { Db } from '../../store/db.js';
import type { Logger } from '../../platform/logger.js';
import type { OutgoingNotification, SendOutcome, Transports } from './transport.js';

export interface DeliverOptions {
  now: () => Date;
  maxAttempts: number;
  /** At most this many rows per call. */
  limit: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  logger?: Logger;
  /** Told of each row once its SENT status has committed (e.g. to re-check the event it answers). */
  onSent?: (sent: SentNotification) => void;
}

export interface SentNotification {
  id: string;
  kind: string;
  /** The event the row answers, when it was enqueued with one (outbox.ts). */
  event: { childId: string; key: string } | null;
}

export interface DeliverReport {
  sent: number;
  retrying: number;
  failed: number;
}

interface ClaimedRow extends OutgoingNotification {
  channel: 'EMAIL' | 'WEBHOOK';
  attempts: number;
  event_child_id: string | null;
  event_key: string | null;
}

export function backoffMs(attempts: number, baseMs = 60_000, maxMs = 6 * 3600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export async function deliverDue(
  db: Db,
  transports: Transports,
  options: DeliverOptions,
): Promise<DeliverReport> {
  const report: DeliverReport = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < options.limit; i += 1) {
    const outcome = await db.transaction(async (tx) => {
      const now = options.now();
      const claimed = await tx.query<ClaimedRow>(
        `SELECT id::text AS id, kind, channel, recipient, subject, body, attempts, event_child_id, event_key
         FROM notifications
         WHERE status = 'PENDING' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const row = claimed.rows[0];
      if (!row) return null;
      const result = await sendOne(transports, row);
      const attempts = row.attempts + 1;
      if (result.ok) {
        await tx.query(
          `UPDATE notifications SET status = 'SENT', attempts = $2, last_attempt_at = $3, sent_at = $3,
             last_error_code = NULL WHERE id = $1`,
          [row.id, attempts, now],
        );
        const event =
          row.event_child_id === null || row.event_key === null
            ? null
            : { childId: row.event_child_id, key: row.event_key };
        return { id: row.id, kind: row.kind, state: 'sent' as const, event };
      }
      const giveUp = result.permanent || attempts >= options.maxAttempts;
      const next = new Date(now.getTime() + backoffMs(attempts, options.baseBackoffMs, options.maxBackoffMs));
      await tx.query(
        `UPDATE notifications SET status = $2, attempts = $3, last_attempt_at = $4, next_attempt_at = $5,
           last_error_code = $6 WHERE id = $1`,
        [row.id, giveUp ? 'FAILED' : 'PENDING', attempts, now, giveUp ? now : next, result.code],
      );
      return {
        id: row.id,
        kind: row.kind,
        state: giveUp ? ('failed' as const) : ('retrying' as const),
        code: result.code,
        event: null,
      };
    });
    if (!outcome) break;
    report[outcome.state] += 1;
    if (outcome.state === 'sent')
      options.onSent?.({ id: outcome.id, kind: outcome.kind, event: outcome.event });
    // Ids, kinds and codes only: recipients are personal data.
    if (outcome.state !== 'sent') {
      options.logger?.warn(
        { notificationId: outcome.id, kind: outcome.kind, code: outcome.code },
        `notification ${outcome.state}`,
      );
    }
  }
  return report;
}

async function sendOne(transports: Transports, row: ClaimedRow): Promise<SendOutcome> {
  const transport = transports[row.channel];
  // Not configured: keep the row and retry with backoff, so configuring the channel later delivers it.
  if (!transport) return { ok: false, code: `NO_${row.channel}_TRANSPORT`, permanent: false };
  try {
    return await transport.send(row);
  } catch {
    return { ok: false, code: 'TRANSPORT_ERROR', permanent: false };
  }
}
