/**
 * Adult services' acknowledgement of a transition handoff: a signed `handoff.acknowledged` agency event (received
 * and stored once per event id by the gateway's webhook route) naming the hub's handoff id and adult services'
 * reference. It moves the handoff to ACKNOWLEDGED, forward only, with a history row. An acknowledgement that
 * cannot apply (an id the hub never issued, a reference that is not the one the intake gave, a handoff already
 * dead-lettered) changes nothing and is logged by its code alone.
 *
 * Events are stored before they are acted on, so `applyStoredAcknowledgements` can catch up on any whose handling
 * failed (the database was briefly unreachable): the hand-off sweep calls it on its schedule.
 */
import { z } from 'zod';
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';
import { markAcknowledged } from './handoff-store.js';

export const handoffAcknowledgedType = 'handoff.acknowledged';

/** Who the history row names for a change adult services made. */
export const adultServicesActor = 'adult-services';

/** The event's `data`: what the hub needs, and nothing that names the person. */
export const handoffAcknowledgedData = z.object({
  handoffId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  reference: z.string().min(1).max(64),
});

/** The parts of a stored agency event this handler reads (the gateway's AgencyEvent has this shape). */
export interface AcknowledgementEvent {
  id: string;
  type: string;
  agency: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export type AcknowledgementOutcome =
  | 'ACKNOWLEDGED'
  | 'ALREADY_ACKNOWLEDGED'
  | 'UNKNOWN_HANDOFF'
  | 'REFERENCE_MISMATCH'
  | 'HANDOFF_FAILED'
  | 'INVALID_ACKNOWLEDGEMENT'
  | 'NOT_AN_ACKNOWLEDGEMENT';

/** Applies one event; anything but a valid adult services acknowledgement is NOT_AN_ACKNOWLEDGEMENT. */
export async function acknowledgeHandoff(
  db: Db,
  event: AcknowledgementEvent,
  now: () => Date,
): Promise<AcknowledgementOutcome> {
  if (event.type !== handoffAcknowledgedType || event.agency !== 'adult') return 'NOT_AN_ACKNOWLEDGEMENT';
  const data = handoffAcknowledgedData.safeParse(event.data);
  if (!data.success) return 'INVALID_ACKNOWLEDGEMENT';
  const occurred = Date.parse(event.occurredAt);
  // When adult services say it happened, unless their clock is ahead of ours.
  const at = new Date(Number.isNaN(occurred) ? now().getTime() : Math.min(occurred, now().getTime()));
  return db.transaction((tx) =>
    markAcknowledged(tx, {
      id: data.data.handoffId,
      reference: data.data.reference,
      at,
      actor: adultServicesActor,
    }),
  );
}

/**
 * What the webhook route calls for each new agency event (wiring: jobs/deliver-handoff/README.md). It never throws:
 * the event is stored, so an acknowledgement that could not be applied now is applied by the next sweep, and
 * whatever else the route does with the event goes ahead.
 */
export function acknowledgeHandoffOnEvent(deps: {
  db: Db;
  logger: Logger;
  now: () => Date;
}): (event: AcknowledgementEvent) => Promise<void> {
  return async (event) => {
    let outcome: AcknowledgementOutcome;
    try {
      outcome = await acknowledgeHandoff(deps.db, event, deps.now);
    } catch (error) {
      deps.logger.error(
        { code: (error as { code?: unknown } | null)?.code ?? 'UNEXPECTED_ERROR' },
        'transition handoff acknowledgement not applied yet: the sweep applies it',
      );
      return;
    }
    if (outcome === 'NOT_AN_ACKNOWLEDGEMENT') return;
    if (outcome === 'ACKNOWLEDGED' || outcome === 'ALREADY_ACKNOWLEDGED')
      deps.logger.info({ code: outcome }, 'transition handoff acknowledgement');
    else deps.logger.warn({ code: outcome }, 'transition handoff acknowledgement ignored');
  };
}

/**
 * Applies stored acknowledgements of handoffs that are still REQUESTED or DELIVERED: events the route stored but
 * whose handling did not finish. Answers how many it applied.
 */
export async function applyStoredAcknowledgements(db: Db, now: () => Date, limit = 500): Promise<number> {
  const { rows } = await db.query<{
    event_id: string;
    agency: string;
    type: string;
    occurred_at: Date | string;
    data: Record<string, unknown> | string;
  }>(
    `SELECT e.event_id, e.agency, e.type, e.occurred_at, e.data
       FROM agency_events e JOIN transition_handoffs h ON h.id = e.data->>'handoffId'
      WHERE e.agency = 'adult' AND e.type = $1 AND h.status IN ('REQUESTED', 'DELIVERED')
      ORDER BY e.received_at LIMIT $2`,
    [handoffAcknowledgedType, limit],
  );
  let applied = 0;
  for (const row of rows) {
    const outcome = await acknowledgeHandoff(
      db,
      {
        id: row.event_id,
        agency: row.agency,
        type: row.type,
        occurredAt: new Date(row.occurred_at).toISOString(),
        data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
      },
      now,
    );
    if (outcome === 'ACKNOWLEDGED') applied += 1;
  }
  return applied;
}
