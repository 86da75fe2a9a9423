import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { encounterEntry, nhsNumberFor, patientEntry } from '../records/testing/record-fixtures.js';
import { feedStatus } from './feed-status.js';
import { ingestFeed } from './ingest-feed.js';
import { bundleRecords, insertFeed, seedChild } from './testing/seed-feeds.js';
import { isUnstorableValue } from './unstorable-record.js';

let store: TestSchema;
let db: Db;
const now = () => new Date('2026-12-03T12:00:00Z');

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_feed_unstorable' });
  db = store.db;
  for (let n = 1; n <= 4; n += 1) await seedChild(db, `child-${n}`, { nhsNumber: nhsNumberFor(n) });
});
afterAll(async () => {
  await store.drop();
});

describe('a record the store refuses although it is valid', () => {
  it('is dead-lettered INTERNAL_ERROR alone; the rest of its chunk and of the feed land', async () => {
    // JSON allows \u0000 in a string and the validator has no reason to refuse it; PostgreSQL's jsonb does
    // (22P05), so the chunk holding it fails whole: the one record must not hold up the feed on every retry.
    const poison = encounterEntry('e2', { reference: 'Patient/p2' });
    (poison.resource as Record<string, unknown>)['serviceType'] = { text: 'clinic\u0000' };
    const entries = [
      patientEntry('p1', nhsNumberFor(1)),
      patientEntry('p2', nhsNumberFor(2)),
      encounterEntry('e1', { reference: 'Patient/p1' }),
      poison,
      encounterEntry('e3', { reference: 'Patient/p2' }),
      patientEntry('p3', nhsNumberFor(3)),
      encounterEntry('e4', { reference: 'Patient/p3' }),
    ];
    const feedId = await insertFeed(db, { kind: 'GP_FHIR', sender: 'K1', records: bundleRecords(entries) });

    const report = await ingestFeed({ db, now, chunkSize: 3, afterChunk: async () => undefined }, feedId);

    expect(report).toMatchObject({ status: 'PROCESSED', accepted: 6, rejected: 1 });
    expect(await feedStatus(db, feedId)).toMatchObject({ accepted: 6, rejected: 1, pending: 0 });
    const { rows } = await db.query<{ position: number; reason: string }>(
      `SELECT position, reason FROM feed_dead_letters WHERE feed_id = $1`,
      [feedId],
    );
    expect(rows).toEqual([{ position: 3, reason: 'INTERNAL_ERROR' }]);
    const landed = await db.query<{ resource_id: string }>(
      `SELECT resource_id FROM feed_gp_resources WHERE feed_id = $1 ORDER BY resource_id`,
      [feedId],
    );
    expect(landed.rows.map((row) => row.resource_id)).toEqual(['e1', 'e3', 'e4', 'p1', 'p2', 'p3']);
  });

  it('tells the store refusing a value from other failures', () => {
    expect(isUnstorableValue({ code: '22P05' })).toBe(true);
    expect(isUnstorableValue({ code: '23514' })).toBe(true);
    expect(isUnstorableValue({ code: '40001' })).toBe(false);
    expect(isUnstorableValue({ code: 'ECONNRESET' })).toBe(false);
    expect(isUnstorableValue(new Error('x'))).toBe(false);
  });
});
