import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import {
  acknowledgeHandoff,
  acknowledgeHandoffOnEvent,
  applyStoredAcknowledgements,
  type AcknowledgementEvent,
} from './acknowledge-handoff.js';
import { createHandoff, handoffById, historyOf, markDelivered, markFailed } from './handoff-store.js';

let store: TestSchema;
const requested = new Date('2026-11-25T09:00:00.000Z');
const delivered = new Date('2026-11-25T09:05:00.000Z');
const now = () => new Date('2026-11-25T12:00:00.000Z');

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_handoff_ack' });
});
afterEach(async () => {
  await store.drop();
});

async function handoff(id: string, status: 'REQUESTED' | 'DELIVERED' | 'FAILED' = 'DELIVERED') {
  await createHandoff(store.db, {
    id,
    childId: 'child-1',
    requestedBy: 'sw-1',
    reason: 'Turning 18',
    at: requested,
  });
  if (status === 'DELIVERED')
    await markDelivered(store.db, { id, attempt: 1, reference: `ASC-${id}`, at: delivered });
  if (status === 'FAILED')
    await markFailed(store.db, { id, attempt: 6, errorCode: 'UPSTREAM_UNAVAILABLE', at: delivered });
}

const ack = (handoffId: string, reference: string, overrides: Partial<AcknowledgementEvent> = {}) => ({
  id: `evt-${handoffId}-${reference}`,
  type: 'handoff.acknowledged',
  agency: 'adult',
  occurredAt: '2026-11-25T10:00:00.000Z',
  data: { handoffId, reference },
  ...overrides,
});

const changes = async (id: string) => (await historyOf(store.db, id)).map((entry) => entry.change);

describe('acknowledging a transition handoff', () => {
  it('moves DELIVERED to ACKNOWLEDGED once, at the time adult services give, with one history row', async () => {
    await handoff('HO-1');
    expect(await acknowledgeHandoff(store.db, ack('HO-1', 'ASC-HO-1'), now)).toBe('ACKNOWLEDGED');
    expect(await acknowledgeHandoff(store.db, ack('HO-1', 'ASC-HO-1'), now)).toBe('ALREADY_ACKNOWLEDGED');
    expect(await handoffById(store.db, 'HO-1')).toMatchObject({
      status: 'ACKNOWLEDGED',
      adultReference: 'ASC-HO-1',
      statusChangedAt: '2026-11-25T10:00:00.000Z',
      deliveredAt: delivered.toISOString(),
    });
    expect(await changes('HO-1')).toEqual(['REQUESTED', 'DELIVERED', 'ACKNOWLEDGED']);
    const { rows } = await store.db.query<{ actor: string }>(
      `SELECT actor FROM transition_handoff_history WHERE change = 'ACKNOWLEDGED'`,
    );
    expect(rows).toEqual([{ actor: 'adult-services' }]);
  });

  it('takes the reference from an acknowledgement that overtakes the record of delivery', async () => {
    await handoff('HO-2', 'REQUESTED');
    expect(await acknowledgeHandoff(store.db, ack('HO-2', 'ASC-9'), now)).toBe('ACKNOWLEDGED');
    expect(await handoffById(store.db, 'HO-2')).toMatchObject({
      status: 'ACKNOWLEDGED',
      adultReference: 'ASC-9',
      deliveredAt: '2026-11-25T10:00:00.000Z',
    });
    // The delivery job's late write finds nothing to change.
    expect(await markDelivered(store.db, { id: 'HO-2', attempt: 1, reference: 'ASC-9', at: now() })).toBe(
      false,
    );
  });

  it('never moves backwards or sideways: failed, another reference, unknown id, bad data', async () => {
    await handoff('HO-3', 'FAILED');
    await handoff('HO-4');
    expect(await acknowledgeHandoff(store.db, ack('HO-3', 'ASC-1'), now)).toBe('HANDOFF_FAILED');
    expect(await acknowledgeHandoff(store.db, ack('HO-4', 'ASC-other'), now)).toBe('REFERENCE_MISMATCH');
    expect(await acknowledgeHandoff(store.db, ack('HO-nobody', 'ASC-1'), now)).toBe('UNKNOWN_HANDOFF');
    expect(
      await acknowledgeHandoff(store.db, ack('HO-4', 'ASC-HO-4', { data: { handoffId: 'HO 4' } }), now),
    ).toBe('INVALID_ACKNOWLEDGEMENT');
    expect(
      await acknowledgeHandoff(store.db, ack('HO-4', 'ASC-HO-4', { type: 'handoff.received' }), now),
    ).toBe('NOT_AN_ACKNOWLEDGEMENT');
    expect(await acknowledgeHandoff(store.db, ack('HO-4', 'ASC-HO-4', { agency: 'education' }), now)).toBe(
      'NOT_AN_ACKNOWLEDGEMENT',
    );
    expect(await handoffById(store.db, 'HO-3')).toMatchObject({ status: 'FAILED', adultReference: null });
    expect(await handoffById(store.db, 'HO-4')).toMatchObject({
      status: 'DELIVERED',
      adultReference: 'ASC-HO-4',
    });
    expect(await changes('HO-4')).toEqual(['REQUESTED', 'DELIVERED']);
  });

  it('logs an acknowledgement it ignores by its code alone', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ service: 'ack-test', level: 'info', destination });
    const onEvent = acknowledgeHandoffOnEvent({ db: store.db, logger, now });
    await onEvent(ack('HO-nobody', 'ASC-1'));
    await onEvent(ack('HO-nobody', 'ASC-1', { type: 'placement.started' }));
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'warn', code: 'UNKNOWN_HANDOFF' });
    expect(lines.join('')).not.toContain('HO-nobody');
  });

  it('never throws: an acknowledgement it cannot apply now is left for the sweep', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const gone = await migratedSchema({ prefix: 't_handoff_ack_gone' });
    await gone.drop();
    const logger = createLogger({ service: 'ack-test', level: 'info', destination });
    const onEvent = acknowledgeHandoffOnEvent({ db: gone.db, logger, now });
    await expect(onEvent(ack('HO-1', 'ASC-1'))).resolves.toBeUndefined();
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'error', code: expect.any(String) }),
    ]);
  });

  it('catches up on stored acknowledgements whose handling never finished', async () => {
    await handoff('HO-5');
    await handoff('HO-6');
    for (const [eventId, handoffId] of [
      ['evt-5', 'HO-5'],
      ['evt-6', 'HO-6'],
    ] as const) {
      await store.db.query(
        `INSERT INTO agency_events (event_id, agency, type, subject_system, subject_value, occurred_at, data)
         VALUES ($1, 'adult', 'handoff.acknowledged', 'adult-person-id', 'ASC-P-1', $2, $3)`,
        [eventId, '2026-11-25T10:00:00.000Z', JSON.stringify({ handoffId, reference: `ASC-${handoffId}` })],
      );
    }
    await acknowledgeHandoff(store.db, ack('HO-6', 'ASC-HO-6'), now);
    expect(await applyStoredAcknowledgements(store.db, now)).toBe(1);
    expect(await applyStoredAcknowledgements(store.db, now)).toBe(0);
    expect((await handoffById(store.db, 'HO-5'))?.status).toBe('ACKNOWLEDGED');
    expect(await changes('HO-6')).toEqual(['REQUESTED', 'DELIVERED', 'ACKNOWLEDGED']);
  });
});
