/**
 * One delivery attempt of a transition handoff. Adult services' intake is idempotent on the handoff id, so an
 * attempt after a lost answer gets the same reference back and nothing is filed twice; the hub's side (status
 * DELIVERED and the reference) is written through runOnce, keyed on the handoff id. A failed attempt is counted
 * with its reason code and thrown again for the queue to retry with backoff; the last attempt, or a failure no
 * retry can mend (the intake holds a different package under this id, the child is gone), is the dead letter:
 * status FAILED with the reason code.
 */
import type {
  HandoffReceipt,
  TransitionHandoffPackage,
} from '../../connectors/adult-services/transition-handoff.js';
import { isHubError } from '../../platform/errors.js';
import type { Db } from '../../store/db.js';
import { runOnce } from '../idempotency.js';
import {
  handoffById,
  markDelivered,
  markFailed,
  recordFailedAttempt,
  type HandoffRow,
} from './handoff-store.js';
import type { ReadPackage } from './read-package.js';

export const deliverHandoffQueue = 'deliver-handoff';

export interface DeliverDeps {
  db: Db;
  now: () => Date;
  readPackage: ReadPackage;
  /** Adult services' intake; null when the hub runs without the adult services connector. */
  submit: ((pkg: TransitionHandoffPackage) => Promise<HandoffReceipt>) | null;
}

export type DeliveryOutcome =
  | { outcome: 'DELIVERED'; reference: string }
  | { outcome: 'ALREADY_DONE'; status: HandoffRow['status'] }
  | { outcome: 'NOT_FOUND' };

/** A failure the job will not retry: the handoff is FAILED with this code and the caller stops. */
export class DeadLetter extends Error {
  constructor(readonly code: string) {
    super(`transition handoff dead-lettered: ${code}`);
    this.name = 'DeadLetter';
  }
}

/** A retryable attempt failed with this reason code (the handoff is still REQUESTED). */
export class AttemptFailed extends Error {
  constructor(readonly code: string) {
    super(`transition handoff attempt failed: ${code}`);
    this.name = 'AttemptFailed';
  }
}

/** A reason code for an error: the HubError's reason or code; never its message (it could name the child). */
export function errorCodeOf(error: unknown): string {
  if (isHubError(error)) {
    const reason = error.details?.['reason'];
    return typeof reason === 'string' ? reason : error.code;
  }
  return 'UNEXPECTED_ERROR';
}

const permanentCodes = new Set(['HANDOFF_CONFLICT', 'CHILD_NOT_FOUND']);

export async function deliverHandoff(
  deps: DeliverDeps,
  request: { handoffId: string; attempt: number; maxAttempts: number },
): Promise<DeliveryOutcome> {
  const handoff = await handoffById(deps.db, request.handoffId);
  if (!handoff) return { outcome: 'NOT_FOUND' };
  // A redelivered job after success (or after the dead letter) sends nothing.
  if (handoff.status !== 'REQUESTED') return { outcome: 'ALREADY_DONE', status: handoff.status };

  let receipt: HandoffReceipt;
  try {
    if (!deps.submit) throw new AttemptFailedSignal('NO_ADULT_SERVICES_CONNECTOR');
    const pkg = await deps.readPackage(handoff.id, handoff.childId);
    if (!pkg) throw new AttemptFailedSignal('CHILD_NOT_FOUND');
    receipt = await deps.submit({ ...pkg, sentAt: deps.now().toISOString() });
  } catch (error) {
    const code = error instanceof AttemptFailedSignal ? error.code : errorCodeOf(error);
    const failure = { id: handoff.id, attempt: request.attempt, errorCode: code, at: deps.now() };
    if (permanentCodes.has(code) || request.attempt >= request.maxAttempts) {
      await markFailed(deps.db, failure);
      throw new DeadLetter(code);
    }
    await recordFailedAttempt(deps.db, failure);
    throw new AttemptFailed(code);
  }

  await runOnce(
    deps.db,
    {
      idempotencyKey: `${deliverHandoffQueue}:${handoff.id}`,
      queue: deliverHandoffQueue,
      jobName: deliverHandoffQueue,
    },
    (tx) =>
      markDelivered(tx, {
        id: handoff.id,
        attempt: request.attempt,
        reference: receipt.reference,
        at: deps.now(),
      }),
  );
  return { outcome: 'DELIVERED', reference: receipt.reference };
}

/** Internal: a failure known by its code before anything was sent. */
class AttemptFailedSignal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
