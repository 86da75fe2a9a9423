/**
 * One chunk of a feed in one transaction: lock the feed, take the next PENDING records in position order,
 * validate, match and land or dead-letter each, settle their states, and mark the feed PROCESSED when none is left.
 * A worker killed mid-chunk leaves the chunk PENDING (nothing committed), so a re-run loses and repeats nothing.
 */
import type { Db } from '../../store/db.js';
import type { BundlePatients } from '../records/bundle-patients.js';
import { reject, type Verdict } from '../records/dead-letter-reasons.js';
import { decodeRecord } from '../records/decode-record.js';
import { gpResourceValidator } from '../records/gp-resource.js';
import type { RecordClock } from '../records/record-clock.js';
import { parseSchoolHeader, type SchoolHeader } from '../records/school-columns.js';
import { schoolReturnValidator } from '../records/school-return.js';
import {
  finishFeedIfDone,
  lockFeed,
  pendingRecords,
  recordAt,
  settleRecords,
  type FeedState,
  type PendingRecord,
} from './feed-records-store.js';
import { recordFollowUps } from './follow-ups-store.js';
import { gpLanding } from './land-gp-resources.js';
import { schoolLanding } from './land-school-returns.js';
import { landVersioned } from './land-versioned.js';
import { rejected, type FeedAlert, type RecordOutcome } from './record-outcome.js';

/** The CSV header is line 1; data rows follow from line 2. */
export const csvHeaderPosition = 1;

export interface ChunkOptions {
  now: Date;
  clock: RecordClock;
  chunkSize: number;
  /** GP feeds: the feed's patients (bundle-patients.ts). */
  patients: BundlePatients;
}

export type ChunkResult =
  | { status: 'NOT_FOUND' }
  | { status: Exclude<FeedState, 'RECEIVED'>; skipped: true }
  | {
      status: 'RECEIVED' | 'PROCESSED';
      skipped: false;
      /** Data records settled by this chunk (a CSV header is not counted). */
      accepted: number;
      duplicates: number;
      rejected: number;
      childIds: string[];
      alerts: FeedAlert[];
      /** Records taken from the feed, the header included: 0 means nothing was left. */
      taken: number;
    };

export async function ingestChunk(db: Db, feedId: string, options: ChunkOptions): Promise<ChunkResult> {
  return db.transaction(async (tx) => {
    const feed = await lockFeed(tx, feedId);
    if (!feed) return { status: 'NOT_FOUND' } as const;
    if (feed.status !== 'RECEIVED') return { status: feed.status, skipped: true } as const;

    const records = await pendingRecords(tx, feedId, options.chunkSize);
    const outcomes: RecordOutcome[] = [];
    let alerts: FeedAlert[] = [];
    let dataRecords = records;

    if (feed.kind === 'SCHOOL_CSV') {
      const headerRecord =
        records.find((record) => record.position === csvHeaderPosition) ??
        (await recordAt(tx, feedId, csvHeaderPosition));
      const header = headerRecord
        ? safely(() => readHeader(headerRecord))
        : reject('BAD_HEADER', '(header): missing');
      if (headerRecord && records.includes(headerRecord)) {
        outcomes.push(
          header.ok
            ? { position: headerRecord.position, state: 'ACCEPTED', childId: null }
            : rejected(headerRecord.position, header.reason, header.detail),
        );
        dataRecords = records.filter((record) => record !== headerRecord);
      }
      if (!header.ok) {
        outcomes.push(...dataRecords.map((record) => rejected(record.position, 'BAD_HEADER', '(header)')));
      } else {
        const validate = schoolReturnValidator(header.value, options.clock);
        const valid = validateEach(dataRecords, validate, outcomes);
        const landed = await landVersioned(
          tx,
          schoolLanding({ feedId, now: options.now, clock: options.clock }),
          feedId,
          valid,
        );
        outcomes.push(...landed.outcomes);
        alerts = landed.alerts;
      }
    } else {
      const validate = gpResourceValidator(options.patients, options.clock);
      const valid = validateEach(dataRecords, validate, outcomes);
      const landed = await landVersioned(
        tx,
        gpLanding({ sender: feed.sender, feedId, now: options.now }),
        feedId,
        valid,
      );
      outcomes.push(...landed.outcomes);
      alerts = landed.alerts;
    }

    await settleRecords(
      tx,
      feedId,
      outcomes,
      new Map(records.map((record) => [record.position, record.replays])),
      options.now,
    );
    const done = await finishFeedIfDone(tx, feedId, options.now);
    const dataPositions = new Set(dataRecords.map((record) => record.position));
    const data = outcomes.filter((outcome) => dataPositions.has(outcome.position));
    // Only what changed needs reconciling: a DUPLICATE added nothing.
    const childIds = [
      ...new Set(
        data.flatMap((outcome) => (outcome.state === 'ACCEPTED' && outcome.childId ? [outcome.childId] : [])),
      ),
    ];
    await recordFollowUps(tx, feedId, { childIds, alerts }, options.now);
    return {
      status: done ? 'PROCESSED' : 'RECEIVED',
      skipped: false,
      accepted: data.filter((outcome) => outcome.state === 'ACCEPTED').length,
      duplicates: data.filter((outcome) => outcome.state === 'DUPLICATE').length,
      rejected: data.filter((outcome) => outcome.state === 'REJECTED').length,
      childIds,
      alerts,
      taken: records.length,
    } as const;
  });
}

function readHeader(record: PendingRecord): Verdict<SchoolHeader> {
  const text = decodeRecord(record);
  return text.ok ? parseSchoolHeader(text.value) : text;
}

/** A validator that throws on a record (a bug meeting odd input) dead-letters that record alone. */
function safely<T>(validate: () => Verdict<T>): Verdict<T> {
  try {
    return validate();
  } catch {
    return reject('INTERNAL_ERROR', '(record)');
  }
}

/** Validates each record; the valid go on to landing, the rest become outcomes with their letter. */
export function validateEach<T>(
  records: readonly PendingRecord[],
  validate: (text: string) => Verdict<T>,
  outcomes: RecordOutcome[],
): Array<{ position: number; record: T }> {
  const valid: Array<{ position: number; record: T }> = [];
  for (const record of records) {
    const verdict = safely(() => {
      const text = decodeRecord(record);
      return text.ok ? validate(text.value) : text;
    });
    if (verdict.ok) valid.push({ position: record.position, record: verdict.value });
    else outcomes.push(rejected(record.position, verdict.reason, verdict.detail));
  }
  return valid;
}
