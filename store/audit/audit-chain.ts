/**
 * The audit's hash chain. Each row stores the previous row's hash and
 * hash = sha256(prev_hash || canonical JSON of the row's fields in a fixed order), the first row chaining from a
 * fixed genesis value. Appending takes a transaction-scoped advisory lock on the table, reads the last hash,
 * allocates ids and inserts the batch, so batches from any number of processes form one chain in id order.
 * Editing, inserting or removing a row anywhere breaks the chain at that row or the next; verifyAuditChain
 * finds the first break. (Rewriting every later row, or cutting rows off the end, needs the head to be checked
 * against a copy kept elsewhere: auditChainHead.)
 */
import { createHash } from 'node:crypto';
import type { Queryable, Tx } from '../db.js';
import type { AuditGrantKind, AuditOutcome, AuditRecord, CanonicalAuditEvent } from './audit-event.js';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** First key of the two-key advisory lock that serialises appends (second key: the table's oid). */
const AUDIT_LOCK_CLASS = 0x41554454; // "AUDT"

/** The JSON the hash covers: these keys, in this order, nothing else. */
export function canonicalAuditJson(id: string, event: CanonicalAuditEvent): string {
  return JSON.stringify({
    id,
    occurredAt: event.occurredAt,
    requestId: event.requestId,
    userId: event.userId,
    role: event.role,
    organisation: event.organisation,
    purpose: event.purpose,
    childId: event.childId,
    categories: event.categories,
    fields: event.fields,
    outcome: event.outcome,
    reason: event.reason,
    grant: event.grant,
    grantId: event.grantId,
  });
}

export function auditRowHash(prevHash: string, id: string, event: CanonicalAuditEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalAuditJson(id, event)).digest('hex');
}

/** Chains `events` after `prevHash` with the given ids (ascending). */
export function chainEvents(
  prevHash: string,
  ids: readonly string[],
  events: readonly CanonicalAuditEvent[],
): AuditRecord[] {
  let previous = prevHash;
  return events.map((event, index) => {
    const id = ids[index];
    if (id === undefined) throw new Error('fewer ids than events');
    const hash = auditRowHash(previous, id, event);
    const record: AuditRecord = { ...event, id, prevHash: previous, hash };
    previous = hash;
    return record;
  });
}

/**
 * Appends events to the chain inside the caller's transaction (which must be open: the lock is held until it
 * ends). Returns the stored rows.
 */
export async function appendAuditEvents(
  tx: Tx,
  events: readonly CanonicalAuditEvent[],
): Promise<AuditRecord[]> {
  if (events.length === 0) return [];
  // The lock is its own statement: a statement's snapshot is taken when it starts, so the last hash must be read
  // by a later statement, which sees every batch committed before the lock was granted. (Under REPEATABLE READ
  // the transaction's first snapshot would be stale; the UNIQUE (prev_hash) constraint then refuses the fork.)
  await tx.query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, 'access_audit'::regclass::oid::int)`);
  // Ids are taken under the lock, so they are above every committed row's; sorted, they give the batch its order.
  const allocated = await tx.query<{ id: string; last_hash: string | null }>(
    `SELECT nextval('access_audit_id_seq')::text AS id,
       (SELECT hash FROM access_audit ORDER BY id DESC LIMIT 1) AS last_hash
     FROM generate_series(1, $1::int)`,
    [events.length],
  );
  const lastHash = allocated.rows[0]?.last_hash ?? GENESIS_HASH;
  const ids = allocated.rows
    .map((row) => BigInt(row.id))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(String);
  const records = chainEvents(lastHash, ids, events);
  await tx.query(
    `INSERT INTO access_audit (id, occurred_at, request_id, user_id, role, organisation, purpose, child_id,
       categories, fields, outcome, reason, grant_kind, grant_id, prev_hash, hash)
     SELECT id, occurred_at, request_id, user_id, role, organisation, purpose, child_id,
       categories, fields, outcome, reason, grant_kind, grant_id, prev_hash, hash
     FROM json_populate_recordset(NULL::access_audit, $1::json)`,
    [JSON.stringify(records.map(toRowJson))],
  );
  return records;
}

function toRowJson(record: AuditRecord) {
  return {
    id: record.id,
    occurred_at: record.occurredAt,
    request_id: record.requestId,
    user_id: record.userId,
    role: record.role,
    organisation: record.organisation,
    purpose: record.purpose,
    child_id: record.childId,
    categories: record.categories,
    fields: record.fields,
    outcome: record.outcome,
    reason: record.reason,
    grant_kind: record.grant,
    grant_id: record.grantId,
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

/** Columns for reading rows back exactly as they were hashed (use with `rowToAuditRecord`). */
export const auditRecordColumns = `id::text AS id,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  request_id, user_id, role, organisation, purpose, child_id, categories, fields, outcome, reason, grant_kind,
  grant_id::text AS grant_id, prev_hash, hash`;

export interface AuditRow {
  id: string;
  occurred_at: string;
  request_id: string;
  user_id: string;
  role: string;
  organisation: string;
  purpose: string;
  child_id: string | null;
  categories: string[];
  fields: string[];
  outcome: AuditOutcome;
  reason: string | null;
  grant_kind: AuditGrantKind;
  grant_id: string | null;
  prev_hash: string;
  hash: string;
}

export function rowToAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    requestId: row.request_id,
    userId: row.user_id,
    role: row.role,
    organisation: row.organisation,
    purpose: row.purpose,
    childId: row.child_id,
    categories: row.categories,
    fields: row.fields,
    outcome: row.outcome,
    reason: row.reason,
    grant: row.grant_kind,
    grantId: row.grant_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type AuditChainReport =
  | { ok: true; rows: number; head: { id: string; hash: string } | null }
  | {
      ok: false;
      /** The first row whose link or content does not check out. */
      firstBrokenId: string;
      /** HASH_MISMATCH: the row's content is not what was hashed; PREV_HASH_MISMATCH: a row before it is missing
       *  or was rewritten with its hash recomputed. */
      problem: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH';
      /** Rows verified intact before the break. */
      rows: number;
    };

export interface VerifyOptions {
  /** Start here (the link from the row before it is checked too); the whole chain by default. */
  fromId?: string | number | bigint;
  /** Rows read per query. */
  batchSize?: number;
}

/**
 * Walks the chain in id order, recomputing every hash. Reads in keyset-paged batches outside any transaction, so
 * it can run against a live table: rows appended meanwhile simply extend the walk.
 */
export async function verifyAuditChain(
  db: Queryable,
  options: VerifyOptions = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  let after = options.fromId === undefined ? 0n : BigInt(options.fromId) - 1n;
  let previous = GENESIS_HASH;
  if (after > 0n) {
    const before = await db.query<{ hash: string }>(
      'SELECT hash FROM access_audit WHERE id <= $1::bigint ORDER BY id DESC LIMIT 1',
      [after.toString()],
    );
    previous = before.rows[0]?.hash ?? GENESIS_HASH;
  }
  let rows = 0;
  let head: { id: string; hash: string } | null = null;
  for (;;) {
    const batch = await db.query<AuditRow>(
      `SELECT ${auditRecordColumns} FROM access_audit WHERE id > $1::bigint ORDER BY access_audit.id LIMIT $2::int`,
      [after.toString(), batchSize],
    );
    for (const row of batch.rows) {
      if (row.prev_hash !== previous) {
        return { ok: false, firstBrokenId: row.id, problem: 'PREV_HASH_MISMATCH', rows };
      }
      const record = rowToAuditRecord(row);
      if (auditRowHash(previous, record.id, record) !== row.hash) {
        return { ok: false, firstBrokenId: row.id, problem: 'HASH_MISMATCH', rows };
      }
      previous = row.hash;
      head = { id: row.id, hash: row.hash };
      rows += 1;
    }
    const last = batch.rows.at(-1);
    if (last === undefined || batch.rows.length < batchSize) return { ok: true, rows, head };
    after = BigInt(last.id);
  }
}

/** The newest row's id and hash: keep a copy elsewhere (a ticket, a log) to detect the chain being cut or rewritten. */
export async function auditChainHead(db: Queryable): Promise<{ id: string; hash: string } | null> {
  const { rows } = await db.query<{ id: string; hash: string }>(
    'SELECT id::text AS id, hash FROM access_audit ORDER BY access_audit.id DESC LIMIT 1',
  );
  return rows[0] ?? null;
}
