/**
 * Ingests a RECEIVED feed chunk by chunk until no record is PENDING (ingest-chunk.ts). After each chunk commits,
 * `afterChunk` hears which children it touched and which alerts it raised (the job enqueues reconciliations and
 * notifications). A feed in any other status is skipped: RECEIVING is an upload still streaming in.
 */
import type { Db } from '../../store/db.js';
import { addBundlePatient } from '../records/bundle-patients.js';
import { decodeRecord } from '../records/decode-record.js';
import { recordClock } from '../records/record-clock.js';
import { allRecords } from './feed-records-store.js';
import { ingestChunk } from './ingest-chunk.js';
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
  const patients = await feedPatients(deps.db, feedId);
  for (;;) {
    const chunk = await ingestChunk(deps.db, feedId, {
      now: deps.now(),
      clock,
      chunkSize: deps.chunkSize ?? defaultChunkSize,
      patients,
    });
    if (chunk.status === 'NOT_FOUND') return { ...report, outcome: 'NOT_FOUND' };
    if (chunk.skipped)
      return { ...report, outcome: report.chunks === 0 ? 'SKIPPED' : 'PROCESSED', status: chunk.status };
    report.chunks += 1;
    report.accepted += chunk.accepted;
    report.duplicates += chunk.duplicates;
    report.rejected += chunk.rejected;
    report.status = chunk.status;
    if (deps.afterChunk && (chunk.childIds.length > 0 || chunk.alerts.length > 0))
      await deps.afterChunk({ childIds: chunk.childIds, alerts: chunk.alerts });
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
