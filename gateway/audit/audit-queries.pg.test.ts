import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import type { Db } from '../../store/db.js';
import {
  endAccessGrant,
  endExpiredAccessGrants,
  findActiveAccessGrant,
  startAccessGrant,
} from './access-grants.js';
import { verifyAuditChain } from '../../store/audit/audit-chain.js';
import type { AuditEvent } from '../../store/audit/audit-event.js';
import {
  acknowledgeAlert,
  closeAlert,
  detectUnusualVolume,
  openAlerts,
  whatUserViewed,
  whoViewedChild,
} from './audit-queries.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import { migratedSchema, sampleEvent, type TestSchema } from './testing/audit-test-db.js';

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
const view = (minutes: number, userId: string, childId: string | null, extra: Partial<AuditEvent> = {}) =>
  sampleEvent({ occurredAt: at(minutes), userId, childId, ...extra });

async function allPages<T>(
  fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null);
  return { items, pages };
}

describe('privacy-officer queries', () => {
  it('who viewed this child and what did this user view: newest first, cursor paged, filtered', async () => {
    await writer.record([
      view(0, 'user-a', 'child-1'),
      view(1, 'user-b', 'child-1'),
      view(1, 'user-a', 'child-2'),
      view(2, 'user-c', 'child-1', { outcome: 'DENIED', reason: 'NO_RELATIONSHIP', grant: 'NONE' }),
      view(3, 'user-a', 'child-1'),
      view(3, 'user-a', 'child-1'), // same instant: the id breaks the tie
      view(4, 'user-a', null, { outcome: 'REJECTED', reason: 'PURPOSE_MISSING', grant: 'NONE' }),
    ]);

    const child = await allPages((cursor) => whoViewedChild(db, 'child-1', { limit: 2, cursor }));
    expect(child.pages).toBe(3);
    expect(child.items.map((record) => [record.userId, record.occurredAt.slice(11, 16)])).toEqual([
      ['user-a', '09:03'],
      ['user-a', '09:03'],
      ['user-c', '09:02'],
      ['user-b', '09:01'],
      ['user-a', '09:00'],
    ]);
    expect(Number(child.items[0]?.id)).toBeGreaterThan(Number(child.items[1]?.id));

    const denied = await whoViewedChild(db, 'child-1', { outcomes: ['DENIED'] });
    expect(denied.items.map((record) => [record.userId, record.reason])).toEqual([
      ['user-c', 'NO_RELATIONSHIP'],
    ]);
    const window = await whoViewedChild(db, 'child-1', { from: at(1), to: at(3) });
    expect(window.items.map((record) => record.userId)).toEqual(['user-c', 'user-b']);

    const user = await allPages((cursor) => whatUserViewed(db, 'user-a', { limit: 1, cursor }));
    expect(user.items.map((record) => record.childId)).toEqual([
      null,
      'child-1',
      'child-1',
      'child-2',
      'child-1',
    ]);
    expect(user.pages).toBe(5);

    await expect(whoViewedChild(db, 'child-1', { cursor: 'not-a-cursor' })).rejects.toSatisfy(
      (error) => error instanceof HubError && error.code === 'BAD_REQUEST',
    );
    await expect(whoViewedChild(db, 'child-1', { limit: 0 })).rejects.toThrow(HubError);
  });

  it('unusual volume: one alert per user per window, raised once however often it runs', async () => {
    const children = (user: string, count: number, minute: number) =>
      Array.from({ length: count }, (_, n) => view(minute, user, `child-${n}`));
    await writer.record([
      ...children('user-busy', 6, 10),
      ...children('user-busy', 6, 20), // the same six again: distinct children count once
      ...children('user-quiet', 3, 15),
      // Denials and the hub's own access do not count as opening a child.
      ...Array.from({ length: 9 }, (_, n) =>
        view(12, 'user-denied', `child-${n}`, { outcome: 'DENIED', grant: 'NONE' }),
      ),
      ...Array.from({ length: 9 }, (_, n) => view(12, 'system', `child-${n}`, { grant: 'SYSTEM' })),
      // Outside the window.
      ...children('user-earlier', 9, -90),
    ]);

    const first = await detectUnusualVolume(db, { windowMinutes: 60, threshold: 4, now: at(30) });
    expect(first).toEqual([
      { userId: 'user-busy', distinctChildren: 6, alertId: expect.any(String), newAlert: true },
    ]);
    const again = await detectUnusualVolume(db, { windowMinutes: 60, threshold: 4, now: at(40) });
    expect(again).toEqual([{ ...first[0], newAlert: false }]);
    // Concurrent detectors raise it once too.
    await Promise.all([
      detectUnusualVolume(db, { threshold: 4, now: at(45) }),
      detectUnusualVolume(db, { threshold: 4, now: at(45) }),
    ]);
    let alerts = (await openAlerts(db, { kinds: ['UNUSUAL_VOLUME'] })).items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      userId: 'user-busy',
      childId: null,
      detail: { distinctChildren: 6, threshold: 4, windowMinutes: 60 },
      windowStart: at(-30),
      windowEnd: at(30),
    });

    // A later burst, in a window that does not overlap the first alert's, raises a new one.
    await writer.record(children('user-busy', 5, 100));
    const later = await detectUnusualVolume(db, { threshold: 4, now: at(110) });
    expect(later).toMatchObject([{ userId: 'user-busy', distinctChildren: 5, newAlert: true }]);
    alerts = (await openAlerts(db, { kinds: ['UNUSUAL_VOLUME'] })).items;
    expect(alerts).toHaveLength(2);
  });

  it('open alerts: oldest first, paged; acknowledged and closed ones drop out', async () => {
    for (let n = 0; n < 5; n += 1) {
      await writer.record(Array.from({ length: 3 }, (_, c) => view(n, `user-${n}`, `child-${c}`)));
      await detectUnusualVolume(db, { threshold: 2, now: at(n + 0.5), windowMinutes: 1 });
    }
    const all = await allPages((cursor) => openAlerts(db, { limit: 2, cursor }));
    expect(all.pages).toBe(3);
    expect(all.items.map((alert) => alert.userId)).toEqual([
      'user-0',
      'user-1',
      'user-2',
      'user-3',
      'user-4',
    ]);

    const [first, second] = all.items;
    expect(await acknowledgeAlert(db, { alertId: first?.id ?? '', by: 'officer-1' })).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: 'officer-1',
    });
    expect(await acknowledgeAlert(db, { alertId: first?.id ?? '', by: 'officer-2' })).toBeNull();
    expect(await closeAlert(db, { alertId: second?.id ?? '', by: 'officer-1' })).toMatchObject({
      status: 'CLOSED',
    });
    expect((await openAlerts(db)).items.map((alert) => alert.userId)).toEqual(['user-2', 'user-3', 'user-4']);
    expect((await openAlerts(db, { includeAcknowledged: true })).items).toHaveLength(4);
    await expect(db.query('DELETE FROM privacy_alerts')).rejects.toThrow(/append-only: DELETE/);
  });
});

describe('access grants', () => {
  const actor = { userId: 'user-gp', role: 'GP', organisation: 'org-gp-7' };
  const start = (overrides: Partial<Parameters<typeof startAccessGrant>[1]> = {}) =>
    startAccessGrant(db, {
      actor,
      childId: 'child-42',
      kind: 'BREAK_GLASS',
      reason: 'Out-of-hours emergency admission.',
      purpose: 'EMERGENCY_CARE',
      requestId: 'req-start',
      durationMinutes: 60,
      now: t0,
      ...overrides,
    });

  it('starting one writes the grant, an audit event and an alert together; ending one writes an event', async () => {
    const grant = await start();
    expect(grant).toMatchObject({ userId: 'user-gp', kind: 'BREAK_GLASS', startsAt: t0, endsAt: at(60) });
    expect(await findActiveAccessGrant(db, { userId: 'user-gp', childId: 'child-42', at: at(30) })).toEqual(
      grant,
    );
    expect(
      await findActiveAccessGrant(db, { userId: 'user-gp', childId: 'child-42', at: at(61) }),
    ).toBeNull();
    expect(await findActiveAccessGrant(db, { userId: 'other', childId: 'child-42', at: at(30) })).toBeNull();

    const [alert] = (await openAlerts(db)).items;
    expect(alert).toMatchObject({
      kind: 'BREAK_GLASS',
      userId: 'user-gp',
      childId: 'child-42',
      grantId: grant.id,
    });
    expect(JSON.stringify(alert?.detail)).not.toContain('emergency admission');

    const ended = await endAccessGrant(db, { grantId: grant.id, actor, requestId: 'req-end', now: at(20) });
    expect(ended).toMatchObject({ endedAt: at(20), endedBy: 'user-gp' });
    expect(
      await endAccessGrant(db, { grantId: grant.id, actor, requestId: 'req-end-2', now: at(21) }),
    ).toBeNull();
    expect(
      await findActiveAccessGrant(db, { userId: 'user-gp', childId: 'child-42', at: at(30) }),
    ).toBeNull();
    await expect(endAccessGrant(db, { grantId: '999999', actor, requestId: 'r' })).rejects.toSatisfy(
      (error) => error instanceof HubError && error.code === 'NOT_FOUND',
    );

    const events = (await whoViewedChild(db, 'child-42')).items;
    expect(events.map((event) => [event.reason, event.grant, event.grantId, event.userId])).toEqual([
      ['GRANT_ENDED', 'BREAK_GLASS', grant.id, 'user-gp'],
      ['GRANT_STARTED', 'BREAK_GLASS', grant.id, 'user-gp'],
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
  });

  it('the expiry sweep ends grants that ran out, as the system, once', async () => {
    const short = await start({ kind: 'SELF_CLAIMED', durationMinutes: 10 });
    await start({ childId: 'child-43', durationMinutes: 120 });
    const ended = await endExpiredAccessGrants(db, { now: at(30) });
    expect(ended.map((grant) => [grant.id, grant.endedAt, grant.endedBy])).toEqual([
      [short.id, at(10), 'system'],
    ]);
    expect(await endExpiredAccessGrants(db, { now: at(30) })).toEqual([]);
    const [expiry] = (await whatUserViewed(db, 'system')).items;
    expect(expiry).toMatchObject({
      reason: 'GRANT_EXPIRED',
      grant: 'SELF_CLAIMED',
      grantId: short.id,
      role: 'SYSTEM',
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3 });
  });

  it('is validated, time-boxed and never rewritten', async () => {
    await expect(start({ durationMinutes: 5 * 60 })).rejects.toSatisfy(
      (error) => error instanceof HubError && error.code === 'VALIDATION_FAILED',
    );
    await expect(start({ reason: '   ' })).rejects.toSatisfy(
      (error) => error instanceof HubError && error.code === 'VALIDATION_FAILED',
    );
    const grant = await start({ kind: 'SELF_CLAIMED', durationMinutes: 8 * 60 });
    await expect(db.query(`UPDATE access_grants SET ends_at = ends_at + interval '1 day'`)).rejects.toThrow(
      /a grant can only be ended, once/,
    );
    await expect(db.query(`DELETE FROM access_grants`)).rejects.toThrow(/a grant can only be ended, once/);
    await endAccessGrant(db, { grantId: grant.id, actor, requestId: 'r' });
    await expect(db.query(`UPDATE access_grants SET ended_at = now(), ended_by = 'x'`)).rejects.toThrow(
      /a grant can only be ended, once/,
    );
  });

  it('nothing is granted when the audit cannot be written', async () => {
    const broken: Db = {
      ...db,
      transaction: (fn) =>
        db.transaction(async (tx) => {
          await fn(tx);
          throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
        }),
    };
    await expect(
      startAccessGrant(broken, {
        actor,
        childId: 'child-42',
        kind: 'BREAK_GLASS',
        reason: 'x',
        purpose: 'EMERGENCY_CARE',
        requestId: 'r',
        durationMinutes: 10,
      }),
    ).rejects.toSatisfy((error) => error instanceof HubError && error.code === 'AUDIT_UNAVAILABLE');
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_grants');
    expect(rows[0]?.n).toBe(0);
  });
});
