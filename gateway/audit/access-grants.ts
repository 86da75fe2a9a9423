/**
 * Time-boxed access without a recorded relationship: SELF_CLAIMED (a professional states they are working with
 * the child) and BREAK_GLASS (an emergency). Starting a grant inserts it, appends a GRANT_STARTED audit event and
 * raises a privacy alert in one transaction; ending one (by a person, or by the expiry sweep) sets ended_at and
 * appends GRANT_ENDED / GRANT_EXPIRED in one transaction. If the audit cannot be written, nothing happens and the
 * call rejects with AUDIT_UNAVAILABLE.
 */
import type { Db, Queryable, Tx } from '../../store/db.js';
import { HubError, isHubError } from '../../platform/errors.js';
import { appendAuditEvents } from '../../store/audit/audit-chain.js';
import { toCanonicalEvent, type AuditEvent } from '../../store/audit/audit-event.js';

export type AccessGrantKind = 'SELF_CLAIMED' | 'BREAK_GLASS';

export interface AccessGrant {
  id: string;
  userId: string;
  childId: string;
  kind: AccessGrantKind;
  /** The holder's own words: shown to the privacy officer, never logged. */
  reason: string;
  startsAt: Date;
  endsAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
  createdAt: Date;
}

/** Who is acting, as the audit records them. */
export interface AuditActor {
  userId: string;
  role: string;
  organisation: string;
}

/** The hub itself (the expiry sweep). */
export const systemActor: AuditActor = { userId: 'system', role: 'SYSTEM', organisation: 'child-view-hub' };

export interface StartGrantInput {
  actor: AuditActor;
  childId: string;
  kind: AccessGrantKind;
  reason: string;
  /** The purpose recorded on the audit event, as for any access. */
  purpose: string;
  requestId: string;
  durationMinutes: number;
  /** Longest grant allowed, in minutes (default 8 hours for SELF_CLAIMED, 4 for BREAK_GLASS). */
  maxDurationMinutes?: number;
  now?: Date;
}

const defaultMaxMinutes: Record<AccessGrantKind, number> = { SELF_CLAIMED: 8 * 60, BREAK_GLASS: 4 * 60 };

/** The columns a GrantRow is read with. */
export const grantColumns = `id::text AS id, user_id, child_id, kind, reason, starts_at, ends_at, ended_at, ended_by,
  created_at`;

export interface GrantRow {
  id: string;
  user_id: string;
  child_id: string;
  kind: AccessGrantKind;
  reason: string;
  starts_at: Date;
  ends_at: Date;
  ended_at: Date | null;
  ended_by: string | null;
  created_at: Date;
}

export function toGrant(row: GrantRow): AccessGrant {
  return {
    id: row.id,
    userId: row.user_id,
    childId: row.child_id,
    kind: row.kind,
    reason: row.reason,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    endedAt: row.ended_at === null ? null : new Date(row.ended_at),
    endedBy: row.ended_by,
    createdAt: new Date(row.created_at),
  };
}

export async function startAccessGrant(db: Db, input: StartGrantInput): Promise<AccessGrant> {
  const maxMinutes = input.maxDurationMinutes ?? defaultMaxMinutes[input.kind];
  const problems: string[] = [];
  if (input.kind !== 'SELF_CLAIMED' && input.kind !== 'BREAK_GLASS') problems.push('kind');
  if (input.reason.trim() === '' || input.reason.length > 2000) problems.push('reason');
  if (
    !Number.isInteger(input.durationMinutes) ||
    input.durationMinutes < 1 ||
    input.durationMinutes > maxMinutes
  )
    problems.push('durationMinutes');
  if (problems.length > 0) {
    throw new HubError('VALIDATION_FAILED', {
      safeMessage: 'The access grant request is invalid.',
      details: { fields: problems },
    });
  }
  const startsAt = input.now ?? new Date();
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
  const event = (grantId: string): AuditEvent => ({
    occurredAt: startsAt,
    requestId: input.requestId,
    ...input.actor,
    purpose: input.purpose,
    childId: input.childId,
    categories: [],
    fields: [],
    outcome: 'ALLOWED',
    reason: 'GRANT_STARTED',
    grant: input.kind,
    grantId,
  });
  // Validate the audit event before touching the database (a placeholder id stands in for the grant's).
  validated(event('1'));
  return audited(db, async (tx) => {
    const { rows } = await tx.query<GrantRow>(
      `INSERT INTO access_grants (user_id, child_id, kind, reason, starts_at, ends_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${grantColumns}`,
      [
        input.actor.userId,
        input.childId,
        input.kind,
        input.reason,
        startsAt.toISOString(),
        endsAt.toISOString(),
      ],
    );
    const grant = toGrant(rows[0] as GrantRow);
    await appendAuditEvents(tx, [validated(event(grant.id))]);
    await tx.query(
      `INSERT INTO privacy_alerts (raised_at, kind, user_id, child_id, grant_id, detail)
       VALUES ($1, $2, $3, $4, $5::bigint, $6::jsonb)`,
      [
        startsAt.toISOString(),
        input.kind === 'BREAK_GLASS' ? 'BREAK_GLASS' : 'SELF_CLAIMED_ACCESS',
        grant.userId,
        grant.childId,
        grant.id,
        JSON.stringify({
          grantId: grant.id,
          grantKind: grant.kind,
          startsAt: grant.startsAt.toISOString(),
          endsAt: grant.endsAt.toISOString(),
          durationMinutes: input.durationMinutes,
          role: input.actor.role,
          organisation: input.actor.organisation,
        }),
      ],
    );
    return grant;
  });
}

export interface EndGrantInput {
  grantId: string;
  actor: AuditActor;
  requestId: string;
  now?: Date;
}

/**
 * Ends a grant early (or records the end of one that has run out). Returns the ended grant, or null when it had
 * already been ended (nothing is written then).
 */
export async function endAccessGrant(db: Db, input: EndGrantInput): Promise<AccessGrant | null> {
  if (!/^[1-9]\d{0,18}$/.test(input.grantId)) throw new HubError('NOT_FOUND');
  const now = input.now ?? new Date();
  const result = await audited(db, async (tx) => {
    const { rows } = await tx.query<GrantRow>(
      `SELECT ${grantColumns} FROM access_grants WHERE id = $1::bigint FOR UPDATE`,
      [input.grantId],
    );
    const found = rows[0];
    if (found === undefined) return 'missing' as const;
    if (found.ended_at !== null) return null;
    const expired = new Date(found.ends_at).getTime() <= now.getTime();
    return finishGrant(tx, toGrant(found), {
      endedAt: expired ? new Date(found.ends_at) : now,
      actor: input.actor,
      requestId: input.requestId,
      reason: expired ? 'GRANT_EXPIRED' : 'GRANT_ENDED',
    });
  });
  if (result === 'missing') throw new HubError('NOT_FOUND');
  return result;
}

/** Ends every grant past its end time, as the system, with one GRANT_EXPIRED audit event each. */
export async function endExpiredAccessGrants(
  db: Db,
  options: { now?: Date; requestId?: string; limit?: number } = {},
): Promise<AccessGrant[]> {
  const now = options.now ?? new Date();
  return audited(db, async (tx) => {
    const { rows } = await tx.query<GrantRow>(
      `SELECT ${grantColumns} FROM access_grants
       WHERE ended_at IS NULL AND ends_at <= $1 ORDER BY access_grants.id LIMIT $2::int FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), options.limit ?? 1000],
    );
    const ended: AccessGrant[] = [];
    for (const row of rows) {
      ended.push(
        await finishGrant(tx, toGrant(row), {
          endedAt: new Date(row.ends_at),
          actor: systemActor,
          requestId: options.requestId ?? `grant-expiry-${now.getTime()}`,
          reason: 'GRANT_EXPIRED',
        }),
      );
    }
    return ended;
  });
}

async function finishGrant(
  tx: Tx,
  grant: AccessGrant,
  end: { endedAt: Date; actor: AuditActor; requestId: string; reason: 'GRANT_ENDED' | 'GRANT_EXPIRED' },
): Promise<AccessGrant> {
  await tx.query('UPDATE access_grants SET ended_at = $2, ended_by = $3 WHERE id = $1::bigint', [
    grant.id,
    end.endedAt.toISOString(),
    end.actor.userId,
  ]);
  await appendAuditEvents(tx, [
    validated({
      occurredAt: end.endedAt,
      requestId: end.requestId,
      ...end.actor,
      purpose: end.reason === 'GRANT_EXPIRED' ? 'ACCESS_GRANT_EXPIRY' : 'ACCESS_GRANT_END',
      childId: grant.childId,
      categories: [],
      fields: [],
      outcome: 'ALLOWED',
      reason: end.reason,
      grant: grant.kind,
      grantId: grant.id,
    }),
  ]);
  return { ...grant, endedAt: end.endedAt, endedBy: end.actor.userId };
}

/** The grant letting `userId` see `childId` at `at` (now by default), if any. */
export async function findActiveAccessGrant(
  db: Queryable,
  query: { userId: string; childId: string; at?: Date },
): Promise<AccessGrant | null> {
  const { rows } = await db.query<GrantRow>(
    `SELECT ${grantColumns} FROM access_grants
     WHERE user_id = $1 AND child_id = $2 AND ended_at IS NULL AND starts_at <= $3 AND ends_at > $3
     ORDER BY ends_at DESC LIMIT 1`,
    [query.userId, query.childId, (query.at ?? new Date()).toISOString()],
  );
  const row = rows[0];
  return row === undefined ? null : toGrant(row);
}

function validated(event: AuditEvent) {
  try {
    return toCanonicalEvent(event);
  } catch (error) {
    throw new HubError('VALIDATION_FAILED', {
      safeMessage: 'The access grant request is invalid.',
      cause: error,
    });
  }
}

/** Runs `work` in a transaction; a database failure means the audit was not written: AUDIT_UNAVAILABLE. */
async function audited<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isHubError(error)) throw error;
    throw new HubError('AUDIT_UNAVAILABLE', { cause: new Error('access grant change could not be audited') });
  }
}
