/**
 * The privacy officer's questions, each one SQL query, keyset ("cursor") paged: who viewed this child, what did
 * this user view (newest first), which alerts are open (oldest first), and who opened unusually many children in
 * the last window — raising one UNUSUAL_VOLUME alert per user per window.
 */
import type { Db, Queryable } from '../../store/db.js';
import { HubError } from '../../platform/errors.js';
import { auditRecordColumns, rowToAuditRecord, type AuditRow } from '../../store/audit/audit-chain.js';
import type { AuditOutcome, AuditRecord } from '../../store/audit/audit-event.js';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface AuditPageOptions {
  /** Rows per page, 1–500 (default 50). */
  limit?: number;
  cursor?: string | null;
  /** Only events at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  outcomes?: readonly AuditOutcome[];
}

/** Every audit event about a child, newest first. */
export function whoViewedChild(
  db: Queryable,
  childId: string,
  options: AuditPageOptions = {},
): Promise<Page<AuditRecord>> {
  return auditPage(db, 'child_id', childId, options);
}

/** Every audit event by a user, newest first. */
export function whatUserViewed(
  db: Queryable,
  userId: string,
  options: AuditPageOptions = {},
): Promise<Page<AuditRecord>> {
  return auditPage(db, 'user_id', userId, options);
}

async function auditPage(
  db: Queryable,
  column: 'child_id' | 'user_id',
  value: string,
  options: AuditPageOptions,
): Promise<Page<AuditRecord>> {
  const limit = pageLimit(options.limit);
  const cursor = options.cursor ? decodeAuditCursor(options.cursor) : null;
  const { rows } = await db.query<AuditRow>(
    `SELECT ${auditRecordColumns} FROM access_audit
     WHERE ${column} = $1
       AND ($2::timestamptz IS NULL OR (occurred_at, id) < ($2::timestamptz, $3::bigint))
       AND ($4::timestamptz IS NULL OR occurred_at >= $4::timestamptz)
       AND ($5::timestamptz IS NULL OR occurred_at < $5::timestamptz)
       AND ($6::text[] IS NULL OR outcome = ANY ($6::text[]))
     ORDER BY access_audit.occurred_at DESC, access_audit.id DESC
     LIMIT $7::int`,
    [
      value,
      cursor?.occurredAt ?? null,
      cursor?.id ?? null,
      options.from?.toISOString() ?? null,
      options.to?.toISOString() ?? null,
      options.outcomes === undefined ? null : [...options.outcomes],
      limit + 1,
    ],
  );
  const items = rows.slice(0, limit).map(rowToAuditRecord);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.occurredAt, last.id]) : null,
  };
}

export type PrivacyAlertKind = 'SELF_CLAIMED_ACCESS' | 'BREAK_GLASS' | 'UNUSUAL_VOLUME';
export type PrivacyAlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'CLOSED';

export interface PrivacyAlert {
  id: string;
  raisedAt: Date;
  kind: PrivacyAlertKind;
  userId: string;
  childId: string | null;
  grantId: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  detail: Record<string, unknown>;
  status: PrivacyAlertStatus;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
}

const alertColumns = `id::text AS id, raised_at, kind, user_id, child_id, grant_id::text AS grant_id,
  window_start, window_end, detail, status, acknowledged_by, acknowledged_at, closed_by, closed_at`;

/** A privacy_alerts row as `alertColumns` reads it. */
export interface PrivacyAlertRow {
  id: string;
  raised_at: Date;
  kind: PrivacyAlertKind;
  user_id: string;
  child_id: string | null;
  grant_id: string | null;
  window_start: Date | null;
  window_end: Date | null;
  detail: Record<string, unknown>;
  status: PrivacyAlertStatus;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  closed_by: string | null;
  closed_at: Date | null;
}

const date = (value: Date | null) => (value === null ? null : new Date(value));

export function toAlert(row: PrivacyAlertRow): PrivacyAlert {
  return {
    id: row.id,
    raisedAt: new Date(row.raised_at),
    kind: row.kind,
    userId: row.user_id,
    childId: row.child_id,
    grantId: row.grant_id,
    windowStart: date(row.window_start),
    windowEnd: date(row.window_end),
    detail: row.detail,
    status: row.status,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: date(row.acknowledged_at),
    closedBy: row.closed_by,
    closedAt: date(row.closed_at),
  };
}

export interface AlertPageOptions {
  limit?: number;
  cursor?: string | null;
  kinds?: readonly PrivacyAlertKind[];
  /** Also list alerts someone has acknowledged but not closed (default: OPEN only). */
  includeAcknowledged?: boolean;
}

/** Alerts waiting for the privacy officer, oldest first. */
export async function openAlerts(db: Queryable, options: AlertPageOptions = {}): Promise<Page<PrivacyAlert>> {
  const limit = pageLimit(options.limit);
  const after = options.cursor ? decodeAlertCursor(options.cursor) : '0';
  const { rows } = await db.query<PrivacyAlertRow>(
    `SELECT ${alertColumns} FROM privacy_alerts
     WHERE status = ANY ($1::text[]) AND id > $2::bigint AND ($3::text[] IS NULL OR kind = ANY ($3::text[]))
     ORDER BY privacy_alerts.id LIMIT $4::int`,
    [
      options.includeAcknowledged ? ['OPEN', 'ACKNOWLEDGED'] : ['OPEN'],
      after,
      options.kinds === undefined ? null : [...options.kinds],
      limit + 1,
    ],
  );
  const items = rows.slice(0, limit).map(toAlert);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor([last.id]) : null };
}

/** OPEN → ACKNOWLEDGED. Returns the alert, or null if it was not open. */
export async function acknowledgeAlert(
  db: Queryable,
  input: { alertId: string; by: string; now?: Date },
): Promise<PrivacyAlert | null> {
  const { rows } = await db.query<PrivacyAlertRow>(
    `UPDATE privacy_alerts SET status = 'ACKNOWLEDGED', acknowledged_by = $2, acknowledged_at = $3
     WHERE id = $1::bigint AND status = 'OPEN' RETURNING ${alertColumns}`,
    [checkedId(input.alertId), input.by, (input.now ?? new Date()).toISOString()],
  );
  return rows[0] === undefined ? null : toAlert(rows[0]);
}

/** OPEN or ACKNOWLEDGED → CLOSED. Returns the alert, or null if it was already closed (or does not exist). */
export async function closeAlert(
  db: Queryable,
  input: { alertId: string; by: string; now?: Date },
): Promise<PrivacyAlert | null> {
  const { rows } = await db.query<PrivacyAlertRow>(
    `UPDATE privacy_alerts SET status = 'CLOSED', closed_by = $2, closed_at = $3
     WHERE id = $1::bigint AND status <> 'CLOSED' RETURNING ${alertColumns}`,
    [checkedId(input.alertId), input.by, (input.now ?? new Date()).toISOString()],
  );
  return rows[0] === undefined ? null : toAlert(rows[0]);
}

export interface UnusualVolumeOptions {
  /** The window looked back over, ending at `now` (default 60 minutes). */
  windowMinutes?: number;
  /** Alert when a user opened more than this many distinct children in the window. */
  threshold: number;
  now?: Date;
}

export interface UnusualVolume {
  userId: string;
  distinctChildren: number;
  /** The UNUSUAL_VOLUME alert covering this window: raised now, or earlier for an overlapping window. */
  alertId: string;
  newAlert: boolean;
}

/**
 * Users who opened (were shown data about: ALLOWED or PARTIAL, not by the hub itself) more than `threshold`
 * distinct children in the `windowMinutes` before `now`. Raises one UNUSUAL_VOLUME alert per user per window:
 * a user who already has one whose window overlaps this one is reported with that alert, not alerted again, so
 * running this every few minutes (or from several processes at once) raises each alert once.
 */
export async function detectUnusualVolume(db: Db, options: UnusualVolumeOptions): Promise<UnusualVolume[]> {
  const windowMinutes = options.windowMinutes ?? 60;
  if (!Number.isInteger(windowMinutes) || windowMinutes < 1)
    throw new Error('windowMinutes: a positive integer');
  if (!Number.isInteger(options.threshold) || options.threshold < 0)
    throw new Error('threshold: an integer ≥ 0');
  const end = options.now ?? new Date();
  const start = new Date(end.getTime() - windowMinutes * 60_000);
  return db.transaction(async (tx) => {
    // Two detectors running at once would otherwise both see "no alert yet".
    await tx.query(`SELECT pg_advisory_xact_lock(1096107350, 'privacy_alerts'::regclass::oid::int)`);
    const { rows } = await tx.query<{ user_id: string; children: number; alert_id: string | null }>(
      `WITH volume AS (
         SELECT user_id, count(DISTINCT child_id)::int AS children
         FROM access_audit
         WHERE occurred_at > $1 AND occurred_at <= $2
           AND child_id IS NOT NULL AND outcome IN ('ALLOWED', 'PARTIAL') AND grant_kind <> 'SYSTEM'
         GROUP BY user_id
         HAVING count(DISTINCT child_id) > $3::int
       )
       SELECT volume.user_id, volume.children, existing.id::text AS alert_id
       FROM volume
       LEFT JOIN LATERAL (
         SELECT id FROM privacy_alerts
         WHERE kind = 'UNUSUAL_VOLUME' AND user_id = volume.user_id AND window_end > $1
         ORDER BY id DESC LIMIT 1
       ) existing ON true
       ORDER BY volume.children DESC, volume.user_id`,
      [start.toISOString(), end.toISOString(), options.threshold],
    );
    const fresh = rows.filter((row) => row.alert_id === null);
    const raised = new Map<string, string>();
    if (fresh.length > 0) {
      const inserted = await tx.query<{ id: string; user_id: string }>(
        `INSERT INTO privacy_alerts (raised_at, kind, user_id, window_start, window_end, detail)
         SELECT $3, 'UNUSUAL_VOLUME', t.user_id, $4, $3,
           jsonb_build_object('distinctChildren', t.children, 'threshold', $5::int, 'windowMinutes', $6::int)
         FROM unnest($1::text[], $2::int[]) AS t (user_id, children)
         RETURNING id::text AS id, user_id`,
        [
          fresh.map((row) => row.user_id),
          fresh.map((row) => row.children),
          end.toISOString(),
          start.toISOString(),
          options.threshold,
          windowMinutes,
        ],
      );
      for (const row of inserted.rows) raised.set(row.user_id, row.id);
    }
    return rows.map((row) => ({
      userId: row.user_id,
      distinctChildren: row.children,
      alertId: row.alert_id ?? (raised.get(row.user_id) as string),
      newAlert: row.alert_id === null,
    }));
  });
}

function pageLimit(limit: number | undefined): number {
  const value = limit ?? 50;
  if (!Number.isInteger(value) || value < 1 || value > 500) {
    throw new HubError('BAD_REQUEST', { safeMessage: 'limit must be between 1 and 500.' });
  }
  return value;
}

function checkedId(id: string): string {
  if (!/^[1-9]\d{0,18}$/.test(id)) throw new HubError('NOT_FOUND');
  return id;
}

const badCursor = () => new HubError('BAD_REQUEST', { safeMessage: 'The cursor is not valid.' });

function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decodeParts(cursor: string): unknown[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts)) return parts;
  } catch {
    // fall through
  }
  throw badCursor();
}

function decodeAuditCursor(cursor: string): { occurredAt: string; id: string } {
  const [occurredAt, id] = decodeParts(cursor);
  if (
    typeof occurredAt !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(occurredAt) ||
    typeof id !== 'string' ||
    !/^[1-9]\d{0,18}$/.test(id)
  ) {
    throw badCursor();
  }
  return { occurredAt, id };
}

function decodeAlertCursor(cursor: string): string {
  const [id] = decodeParts(cursor);
  if (typeof id !== 'string' || !/^[1-9]\d{0,18}$/.test(id)) throw badCursor();
  return id;
}
