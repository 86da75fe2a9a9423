/**
 * The privacy officer's alert list and its workflow, with notes. gateway/audit/audit-queries.ts pages OPEN (and
 * ACKNOWLEDGED) alerts; this lists any one status, with the grant an alert is about and the officer's notes, and
 * moves an alert on (acknowledgeAlert / closeAlert) with its note in the same transaction. Nobody reviews an alert
 * about themselves.
 */
import { z } from 'zod';
import { HubError } from '../../platform/errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { toGrant, type AccessGrant, type AccessGrantKind } from '../audit/access-grants.js';
import {
  acknowledgeAlert,
  closeAlert,
  toAlert,
  type Page,
  type PrivacyAlert,
  type PrivacyAlertRow,
  type PrivacyAlertStatus,
} from '../audit/audit-queries.js';

export interface AlertNote {
  /** The status the alert moved to when the note was written. */
  status: 'ACKNOWLEDGED' | 'CLOSED';
  note: string;
  writtenBy: string;
  writtenAt: Date;
}

export interface AlertView extends PrivacyAlert {
  /** The self-claimed or break-glass grant the alert is about (with the holder's reason), if any. */
  grant: AccessGrant | null;
  notes: AlertNote[];
}

export const maxNoteLength = 2000;

const noteSchema = z
  .string()
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(maxNoteLength)
      .refine((value) => !value.includes('\u0000') && !/\p{Cs}/u.test(value)),
  );

/** A note, trimmed; VALIDATION_FAILED when blank or too long (the text is never echoed). */
export function parseAlertNote(note: string): string {
  const parsed = noteSchema.safeParse(note);
  if (!parsed.success)
    throw new HubError('VALIDATION_FAILED', {
      safeMessage: `A note is 1–${maxNoteLength} characters.`,
      details: { field: 'note' },
    });
  return parsed.data;
}

/** Alerts with one status: OPEN and ACKNOWLEDGED oldest first (a work queue), CLOSED newest first (history). */
export async function alertPage(
  db: Queryable,
  options: { status: PrivacyAlertStatus; limit?: number; cursor?: string | null },
): Promise<Page<AlertView>> {
  const limit = pageLimit(options.limit);
  const newestFirst = options.status === 'CLOSED';
  const after = options.cursor ? decodeCursor(options.cursor, options.status) : null;
  const { rows } = await db.query<AlertRow>(
    `${selectAlerts}
     WHERE privacy_alerts.status = $1
       AND ($2::bigint IS NULL OR ${newestFirst ? 'privacy_alerts.id < $2' : 'privacy_alerts.id > $2'})
     ORDER BY privacy_alerts.id ${newestFirst ? 'DESC' : 'ASC'}
     LIMIT $3::int`,
    [options.status, after, limit + 1],
  );
  const items = await withNotes(db, rows.slice(0, limit));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(options.status, last.id) : null,
  };
}

export interface AlertChange {
  alertId: string;
  to: 'ACKNOWLEDGED' | 'CLOSED';
  /** The privacy officer's user id. */
  by: string;
  /** Already parsed (parseAlertNote); null for none. */
  note: string | null;
  now: Date;
}

/**
 * OPEN → ACKNOWLEDGED, or OPEN / ACKNOWLEDGED → CLOSED, with the note, in one transaction. NOT_FOUND for no such
 * alert, FORBIDDEN for an alert about the officer themselves, CONFLICT when the alert has already moved on.
 */
export async function changeAlertStatus(db: Db, change: AlertChange): Promise<AlertView> {
  if (!idPattern.test(change.alertId)) throw new HubError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ user_id: string; status: PrivacyAlertStatus }>(
      'SELECT user_id, status FROM privacy_alerts WHERE id = $1::bigint FOR UPDATE',
      [change.alertId],
    );
    const found = rows[0];
    if (found === undefined) throw new HubError('NOT_FOUND');
    if (found.user_id === change.by)
      throw new HubError('FORBIDDEN', {
        safeMessage: 'An alert about your own access is reviewed by another privacy officer.',
      });
    const input = { alertId: change.alertId, by: change.by, now: change.now };
    const changed =
      change.to === 'ACKNOWLEDGED' ? await acknowledgeAlert(tx, input) : await closeAlert(tx, input);
    if (changed === null)
      throw new HubError('CONFLICT', {
        safeMessage: `The alert is already ${found.status.toLowerCase()}.`,
        details: { status: found.status },
      });
    if (change.note !== null)
      await tx.query(
        `INSERT INTO privacy_alert_notes (alert_id, status, note, written_by, written_at)
         VALUES ($1::bigint, $2, $3, $4, $5)`,
        [change.alertId, change.to, change.note, change.by, change.now.toISOString()],
      );
    const alert = await tx.query<AlertRow>(`${selectAlerts} WHERE privacy_alerts.id = $1::bigint`, [
      change.alertId,
    ]);
    const [view] = await withNotes(tx, alert.rows);
    return view as AlertView;
  });
}

const selectAlerts = `SELECT privacy_alerts.id::text AS id, privacy_alerts.raised_at, privacy_alerts.kind,
    privacy_alerts.user_id, privacy_alerts.child_id, privacy_alerts.grant_id::text AS grant_id,
    privacy_alerts.window_start, privacy_alerts.window_end, privacy_alerts.detail, privacy_alerts.status,
    privacy_alerts.acknowledged_by, privacy_alerts.acknowledged_at, privacy_alerts.closed_by,
    privacy_alerts.closed_at,
    g.kind AS grant_kind, g.reason AS grant_reason, g.starts_at AS grant_starts_at, g.ends_at AS grant_ends_at,
    g.ended_at AS grant_ended_at, g.ended_by AS grant_ended_by, g.created_at AS grant_created_at,
    g.user_id AS grant_user_id, g.child_id AS grant_child_id
  FROM privacy_alerts LEFT JOIN access_grants g ON g.id = privacy_alerts.grant_id`;

interface AlertRow extends PrivacyAlertRow {
  grant_kind: AccessGrantKind | null;
  grant_reason: string | null;
  grant_starts_at: Date | null;
  grant_ends_at: Date | null;
  grant_ended_at: Date | null;
  grant_ended_by: string | null;
  grant_created_at: Date | null;
  grant_user_id: string | null;
  grant_child_id: string | null;
}

function toView(row: AlertRow, notes: AlertNote[]): AlertView {
  return {
    ...toAlert(row),
    grant:
      row.grant_id === null || row.grant_kind === null
        ? null
        : toGrant({
            id: row.grant_id,
            user_id: row.grant_user_id as string,
            child_id: row.grant_child_id as string,
            kind: row.grant_kind,
            reason: row.grant_reason as string,
            starts_at: row.grant_starts_at as Date,
            ends_at: row.grant_ends_at as Date,
            ended_at: row.grant_ended_at,
            ended_by: row.grant_ended_by,
            created_at: row.grant_created_at as Date,
          }),
    notes,
  };
}

/** The notes of a page of alerts, in one query. */
async function withNotes(db: Queryable, rows: AlertRow[]): Promise<AlertView[]> {
  if (rows.length === 0) return [];
  const { rows: noteRows } = await db.query<{
    alert_id: string;
    status: AlertNote['status'];
    note: string;
    written_by: string;
    written_at: Date;
  }>(
    `SELECT alert_id::text AS alert_id, status, note, written_by, written_at FROM privacy_alert_notes
     WHERE alert_id = ANY ($1::bigint[]) ORDER BY privacy_alert_notes.id`,
    [rows.map((row) => row.id)],
  );
  const byAlert = new Map<string, AlertNote[]>();
  for (const row of noteRows) {
    const notes = byAlert.get(row.alert_id) ?? [];
    notes.push({
      status: row.status,
      note: row.note,
      writtenBy: row.written_by,
      writtenAt: new Date(row.written_at),
    });
    byAlert.set(row.alert_id, notes);
  }
  return rows.map((row) => toView(row, byAlert.get(row.id) ?? []));
}

const idPattern = /^[1-9]\d{0,18}$/;

function pageLimit(limit: number | undefined): number {
  const value = limit ?? 50;
  if (!Number.isInteger(value) || value < 1 || value > 500)
    throw new HubError('BAD_REQUEST', { safeMessage: 'first must be between 1 and 500.' });
  return value;
}

/** The cursor names its list: a CLOSED cursor (newest first) means nothing in the OPEN list (oldest first). */
function encodeCursor(status: PrivacyAlertStatus, id: string): string {
  return Buffer.from(JSON.stringify([status, id])).toString('base64url');
}

function decodeCursor(cursor: string, status: PrivacyAlertStatus): string {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (Array.isArray(parts) && parts[0] === status && typeof parts[1] === 'string' && idPattern.test(parts[1]))
    return parts[1];
  throw new HubError('BAD_REQUEST', { safeMessage: 'The cursor is not valid.' });
}
