/**
 * Ingests a RECEIVED feed chunk by chunk until no record is PENDING (ingest-chunk.ts). Each chunk records its
 * follow-ups (children to reconcile, alerts) in its own transaction; after it commits, `afterChunk` is handed
 * every follow-up of the feed not yet handed on (the job enqueues them), and they are marked. A run that died
 * between a commit and the queues left them unmarked, so the next run hands them on first: none is lost with the
 * worker. A feed in any other status is skipped: RECEIVING is an upload still streaming in.
 */
import type { Db } from '../../store/db.js';
import { addBundlePatient } from '../records/bundle-patients.js';
import { decodeRecord } from '../records/decode-record.js';
import { recordClock } from '../records/record-clock.js';
import { allRecords } from './feed-records-store.js';
import { markDispatched, pendingFollowUps } from './follow-ups-store.js';
import { ingestChunk } from './ingest-chunk.js';
import { deadLetterFirstPending, isUnstorableValue } from './unstorable-record.js';
import type { FeedAlert } from './record-outcome.js';

export const defaultChunkSize = 500;

export interface IngestFeedDeps {
  db: Db;
  now: () => Date;
  chunkSize?: number;
  afterChunk?: (chunk: { childIds: string[]; alerts: FeedAlert[] }) => Promise<void>;
}

export interface IngestReport {
  feedId: string;
  outcome: 'PROCESSED' | 'SKIPPED' | 'NOT_FOUND';
  /** The feed's status when the run ended. */
  status: string | null;
  chunks: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export async function ingestFeed(deps: IngestFeedDeps, feedId: string): Promise<IngestReport> {
  const now = deps.now();
  const clock = recordClock(now);
  const report: IngestReport = {
    feedId,
    outcome: 'PROCESSED',
    status: null,
    chunks: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
  };
  const dispatch = async () => {
    if (!deps.afterChunk) return;
    const pending = await pendingFollowUps(deps.db, feedId);
    if (pending.ids.length === 0) return;
    await deps.afterChunk({ childIds: pending.childIds, alerts: pending.alerts });
    await markDispatched(deps.db, pending.ids, deps.now());
  };
  await dispatch();
  await refreshStatistics(deps.db, feedId);
  const patients = await feedPatients(deps.db, feedId);
  const chunkSize = deps.chunkSize ?? defaultChunkSize;
  // After a chunk the store refused, its records go one at a time, so the one it refuses is found and
  // dead-lettered alone (unstorable-record.ts) and the rest land.
  let singlyLeft = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof ingestChunk>>;
    try {
      chunk = await ingestChunk(deps.db, feedId, {
        now: deps.now(),
        clock,
        chunkSize: singlyLeft > 0 ? 1 : chunkSize,
        patients,
      });
    } catch (error) {
      if (!isUnstorableValue(error)) throw error;
      if (singlyLeft === 0 && chunkSize > 1) {
        singlyLeft = chunkSize;
        continue;
      }
      if ((await deadLetterFirstPending(deps.db, feedId, deps.now())) === null) throw error;
      report.rejected += 1;
      singlyLeft = Math.max(0, singlyLeft - 1);
      continue;
    }
    if (singlyLeft > 0) singlyLeft -= 1;
    if (chunk.status === 'NOT_FOUND') return { ...report, outcome: 'NOT_FOUND' };
    if (chunk.skipped)
      return { ...report, outcome: report.chunks === 0 ? 'SKIPPED' : 'PROCESSED', status: chunk.status };
    report.chunks += 1;
    report.accepted += chunk.accepted;
    report.duplicates += chunk.duplicates;
    report.rejected += chunk.rejected;
    report.status = chunk.status;
    await dispatch();
    if (chunk.status === 'PROCESSED' || chunk.taken === 0) return report;
  }
}

/** The Patients of a GP feed to be ingested (other feeds need none), read once per run. */
async function feedPatients(db: Db, feedId: string): Promise<Map<string, string | null>> {
  const patients = new Map<string, string | null>();
  const { rows } = await db.query<{ kind: string; status: string }>(
    `SELECT kind, status FROM feeds WHERE id = $1`,
    [feedId],
  );
  if (rows[0]?.kind !== 'GP_FHIR' || rows[0].status !== 'RECEIVED') return patients;
  for await (const record of allRecords(db, feedId)) {
    const text = decodeRecord(record);
    if (text.ok) addBundlePatient(patients, text.value);
  }
  return patients;
}

/**
 * A large feed just stored can leave the planner's statistics far behind (it then sorts every pending record of
 * the feed for each chunk instead of reading the next ones from the pending index: 30 ms a chunk at 100,000
 * records, bench/feeds/ingest.ts); one ANALYZE before the first chunk of such a feed puts that right. Without
 * ownership of the table PostgreSQL skips it with a warning, and ingestion goes on as before.
 */
export const analyzeFromRecords = 10_000;

async function refreshStatistics(db: Db, feedId: string): Promise<void> {
  const { rows } = await db.query<{ pending: boolean }>(
    `SELECT record_count >= $2 AND status = 'RECEIVED' AND processed_at IS NULL AS pending
     FROM feeds WHERE id = $1`,
    [feedId, analyzeFromRecords],
  );
  if (rows[0]?.pending) await db.query('ANALYZE feed_records');
}
