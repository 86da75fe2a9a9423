import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import { migratedSchema, sampleEvent, type TestSchema } from '../audit/testing/audit-test-db.js';
import { createAccessAdminSchema } from './access-admin-schema.js';
import { dataOf, run, testCaller } from './testing/access-admin-test-kit.js';
import { createUnusualVolumeWatcher } from './unusual-volume-watcher.js';

let store: TestSchema;
let db: Db;
let writer: AuditWriter;

beforeEach(async () => {
  store = await migratedSchema();
  db = store.db;
  writer = new AuditWriter(db);
});
afterEach(async () => {
  await writer.close();
  await store.drop();
});

const t0 = new Date('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** `userId` opened `children` distinct children, one a minute from `start`. */
async function opened(userId: string, children: number, start = 0) {
  await writer.record(
    Array.from({ length: children }, (_, index) =>
      sampleEvent({ occurredAt: at(start + index), userId, childId: `ch_${userId}_${index}` }),
    ),
  );
}

function silentLogger() {
  const lines: Array<{ level: string; fields: unknown; message: string }> = [];
  return {
    lines,
    info: (fields: unknown, message: string) => void lines.push({ level: 'info', fields, message }),
    warn: (fields: unknown, message: string) => void lines.push({ level: 'warn', fields, message }),
  };
}

describe('createUnusualVolumeWatcher on PostgreSQL', () => {
  it('raises one UNUSUAL_VOLUME alert for a user over the threshold, and none for one under it', async () => {
    await opened('busy-user', 6);
    await opened('quiet-user', 5);
    let clock = at(30);
    const logger = silentLogger();
    const watcher = createUnusualVolumeWatcher({
      db,
      logger: logger as never,
      thresholdPerHour: 5,
      checkEveryMs: 60_000,
      now: () => clock,
    });

    watcher.noteAccess('quiet-user');
    watcher.noteAccess('busy-user');
    await watcher.idle();
    // later checks (past the memo) find the same window: no second alert
    clock = at(32);
    watcher.noteAccess('busy-user');
    await watcher.idle();

    const { rows } = await db.query<{ kind: string; user_id: string; detail: Record<string, unknown> }>(
      'SELECT kind, user_id, detail FROM privacy_alerts ORDER BY id',
    );
    expect(rows).toEqual([
      {
        kind: 'UNUSUAL_VOLUME',
        user_id: 'busy-user',
        detail: { distinctChildren: 6, threshold: 5, windowMinutes: 60 },
      },
    ]);
    expect(logger.lines).toEqual([
      { level: 'info', fields: { raised: 1 }, message: 'unusual volume: privacy alerts raised' },
    ]);

    // the privacy officer sees it, counts and ids only
    const schema = createAccessAdminSchema({ db, now: () => clock });
    const alerts = dataOf<{ privacyAlerts: { nodes: unknown[] } }>(
      await run(
        schema,
        testCaller('PRIVACY_OFFICER'),
        '{ privacyAlerts { nodes { kind userId childId distinctChildren threshold windowStart windowEnd } } }',
      ),
    ).privacyAlerts.nodes;
    expect(alerts).toEqual([
      {
        kind: 'UNUSUAL_VOLUME',
        userId: 'busy-user',
        childId: null,
        distinctChildren: 6,
        threshold: 5,
        windowStart: '2026-03-02T08:30:00.000Z',
        windowEnd: '2026-03-02T09:30:00.000Z',
      },
    ]);
  });

  it('logs a failed check with its code only, and never throws to the request', async () => {
    const logger = silentLogger();
    const watcher = createUnusualVolumeWatcher({
      db,
      logger: logger as never,
      thresholdPerHour: 5,
      checkEveryMs: 1000,
    });
    await db.exec('DROP TABLE privacy_alerts CASCADE');
    await opened('busy-user', 6);
    expect(() => watcher.noteAccess('busy-user')).not.toThrow();
    await watcher.idle();
    expect(logger.lines).toEqual([
      { level: 'warn', fields: { code: '42P01' }, message: 'unusual volume check failed' },
    ]);
  });
});
