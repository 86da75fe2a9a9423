import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { badUpn, schoolHeaderLine, schoolRow, upnFor } from '../records/testing/record-fixtures.js';
import { schoolReturnsOf } from './child-feed-reads.js';
import {
  DeadLetterNotFoundError,
  DeadLetterNotOpenError,
  discardDeadLetter,
  replayDeadLetter,
} from './dead-letter-actions.js';
import { feedStatus } from './feed-status.js';
import { ingestFeed } from './ingest-feed.js';
import { csvRecords, insertFeed, seedChild } from './testing/seed-feeds.js';

let store: TestSchema;
let db: Db;
const now = () => new Date('2026-12-03T12:00:00Z');
let feedId: string;

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_feed_letters' });
  db = store.db;
  for (let n = 1; n <= 6; n += 1) await seedChild(db, `child-${n}`, { upn: upnFor(n) });
  feedId = await insertFeed(db, {
    kind: 'SCHOOL_CSV',
    sender: '654321',
    records: csvRecords(schoolHeaderLine, [
      schoolRow({ upn: upnFor(1) }),
      schoolRow({ upn: badUpn(2) }),
      schoolRow({ upn: upnFor(3), year_group: 'Q' }),
      schoolRow({ upn: upnFor(4), ehcp: '' }),
      schoolRow({ upn: upnFor(5), sessions_attended: '101' }),
    ]),
  });
  await ingestFeed({ db, now }, feedId);
});
afterAll(async () => {
  await store.drop();
});

async function letterAt(position: number, replay = 0) {
  const { rows } = await db.query<{ id: string; status: string; resolved_by: string | null }>(
    `SELECT id::text AS id, status, resolved_by FROM feed_dead_letters
      WHERE feed_id = $1 AND position = $2 AND replay = $3`,
    [feedId, position, replay],
  );
  return rows[0]!;
}

describe('feed status', () => {
  it('counts data records by state and pages through the letters', async () => {
    const status = await feedStatus(db, feedId);
    expect(status).toMatchObject({
      id: feedId,
      kind: 'SCHOOL_CSV',
      status: 'PROCESSED',
      sender: '654321',
      recordCount: 5,
      accepted: 1,
      duplicates: 0,
      rejected: 4,
      pending: 0,
    });
    const page1 = await status!.deadLetters(3);
    expect(page1.map((letter) => [letter.position, letter.reason, letter.status, letter.replay])).toEqual([
      [3, 'UPN_CHECK_LETTER', 'OPEN', 0],
      [4, 'UNKNOWN_CODE', 'OPEN', 0],
      [5, 'MISSING_FIELD', 'OPEN', 0],
    ]);
    const page2 = await status!.deadLetters(3, page1.at(-1)!.id);
    expect(page2.map((letter) => [letter.position, letter.detail])).toEqual([[6, 'sessions_attended']]);
    expect(await feedStatus(db, 'feed_missing')).toBeNull();
  });
});

describe('replaying and discarding dead letters', () => {
  it('replays a corrected record: PENDING again, feed RECEIVED, and the next run lands it', async () => {
    const letter = await letterAt(3);
    const result = await replayDeadLetter(db, {
      deadLetterId: letter.id,
      correctedRaw: Buffer.from(schoolRow({ upn: upnFor(2) })),
      actor: 'user-dl-officer',
      now: now(),
    });
    expect(result).toEqual({ feedId });
    expect(await letterAt(3)).toMatchObject({ status: 'REPLAYED', resolved_by: 'user-dl-officer' });
    expect(await feedStatus(db, feedId)).toMatchObject({ status: 'RECEIVED', pending: 1, processedAt: null });
    const report = await ingestFeed({ db, now }, feedId);
    expect(report).toMatchObject({ status: 'PROCESSED', accepted: 1 });
    const { rows } = await db.query<{ raw: Buffer; replays: number; state: string }>(
      `SELECT raw, replays, state FROM feed_records WHERE feed_id = $1 AND position = 3`,
      [feedId],
    );
    expect(rows[0]).toMatchObject({ replays: 1, state: 'ACCEPTED' });
    expect(rows[0]!.raw.toString()).toBe(schoolRow({ upn: badUpn(2) }));
    expect((await schoolReturnsOf(db, ['child-2']))[0]).toMatchObject({
      upn: upnFor(2),
      provenance: { sender: '654321', feedId, position: 3 },
    });
  });

  it('gives a correction that fails again a letter of its own, numbered by replay', async () => {
    const letter = await letterAt(4);
    await replayDeadLetter(db, {
      deadLetterId: letter.id,
      correctedRaw: Buffer.from(schoolRow({ upn: upnFor(3), year_group: 'Y7' })),
      actor: 'user-dl-officer',
      now: now(),
    });
    await ingestFeed({ db, now }, feedId);
    const { rows } = await db.query<{ replay: number; status: string; reason: string }>(
      `SELECT replay, status, reason FROM feed_dead_letters WHERE feed_id = $1 AND position = 4 ORDER BY replay`,
      [feedId],
    );
    expect(rows).toEqual([
      { replay: 0, status: 'REPLAYED', reason: 'UNKNOWN_CODE' },
      { replay: 1, status: 'OPEN', reason: 'UNKNOWN_CODE' },
    ]);
  });

  it('discards an open letter, and refuses to act on one that is not open, or does not exist', async () => {
    const letter = await letterAt(5);
    expect(await discardDeadLetter(db, { deadLetterId: letter.id, actor: 'user-x', now: now() })).toEqual({
      feedId,
    });
    expect(await letterAt(5)).toMatchObject({ status: 'DISCARDED', resolved_by: 'user-x' });
    await expect(
      replayDeadLetter(db, {
        deadLetterId: letter.id,
        correctedRaw: Buffer.from('x'),
        actor: 'u',
        now: now(),
      }),
    ).rejects.toBeInstanceOf(DeadLetterNotOpenError);
    await expect(
      discardDeadLetter(db, { deadLetterId: letter.id, actor: 'u', now: now() }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      discardDeadLetter(db, { deadLetterId: '999999', actor: 'u', now: now() }),
    ).rejects.toBeInstanceOf(DeadLetterNotFoundError);
    await expect(
      discardDeadLetter(db, { deadLetterId: 'abc', actor: 'u', now: now() }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { rows } = await db.query<{ state: string }>(
      `SELECT state FROM feed_records WHERE feed_id = $1 AND position = 5`,
      [feedId],
    );
    expect(rows[0]?.state).toBe('REJECTED');
  });
});
