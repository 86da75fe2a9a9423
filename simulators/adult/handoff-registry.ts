import type { IsoDateTime } from '../population/model.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { HandoffPackage } from './handoff-schema.js';

export interface HandoffRecord {
  reference: string;
  handoffId: string;
  /** RECEIVED at intake; ACKNOWLEDGED once a person in adult services has picked the case up. */
  status: 'RECEIVED' | 'ACKNOWLEDGED';
  receivedAt: IsoDateTime;
  acknowledgedAt: IsoDateTime | null;
  /** The id of the `handoff.acknowledged` event, kept so a resend is the same event to the hub. */
  acknowledgementEventId: string | null;
  personId: string;
  package: HandoffPackage;
}

export type IntakeOutcome =
  | { outcome: 'created'; record: HandoffRecord }
  | { outcome: 'replayed'; record: HandoffRecord }
  | { outcome: 'conflict'; record: HandoffRecord };

/** What identifies "the same package": everything but the per-attempt send time. */
export function packageFingerprint(pkg: HandoffPackage): string {
  const { sentAt: _sentAt, ...rest } = pkg;
  return sha256Hex(canonicalJson(rest));
}

/**
 * Received handoffs, idempotent on the sender's handoffId: the same id and package gives back the first
 * reference; the same id with a different package is a conflict. Check and insert happen in one synchronous step,
 * so concurrent retries cannot both create.
 */
export class HandoffRegistry {
  private readonly byHandoffId = new Map<string, { record: HandoffRecord; fingerprint: string }>();
  private readonly byReference = new Map<string, HandoffRecord>();

  constructor(private readonly newReference: () => string) {}

  intake(pkg: HandoffPackage, receivedAt: IsoDateTime, file: (reference: string) => string): IntakeOutcome {
    const fingerprint = packageFingerprint(pkg);
    const existing = this.byHandoffId.get(pkg.handoffId);
    if (existing) {
      return existing.fingerprint === fingerprint
        ? { outcome: 'replayed', record: existing.record }
        : { outcome: 'conflict', record: existing.record };
    }
    let reference = this.newReference();
    while (this.byReference.has(reference)) reference = this.newReference();
    const record: HandoffRecord = {
      reference,
      handoffId: pkg.handoffId,
      status: 'RECEIVED',
      receivedAt,
      acknowledgedAt: null,
      acknowledgementEventId: null,
      personId: file(reference),
      package: structuredClone(pkg),
    };
    this.byHandoffId.set(pkg.handoffId, { record, fingerprint });
    this.byReference.set(reference, record);
    return { outcome: 'created', record };
  }

  byReferenceId(reference: string): HandoffRecord | null {
    return this.byReference.get(reference) ?? null;
  }

  /**
   * Marks a handoff picked up. The first call sets the time and event id; later ones keep them (an
   * acknowledgement is a fact that happened once). Null for a reference never issued.
   */
  acknowledge(reference: string, at: IsoDateTime, eventId: string): HandoffRecord | null {
    const record = this.byReference.get(reference);
    if (!record) return null;
    if (record.status !== 'ACKNOWLEDGED') {
      record.status = 'ACKNOWLEDGED';
      record.acknowledgedAt = at;
      record.acknowledgementEventId = eventId;
    }
    return record;
  }

  bySenderId(handoffId: string): HandoffRecord | null {
    return this.byHandoffId.get(handoffId)?.record ?? null;
  }

  get size(): number {
    return this.byReference.size;
  }
}

/** The "fail the first N intake attempts" fault, so the hub's retry path can be exercised on purpose. */
export class IntakeFailures {
  private remaining: number;

  constructor(initial = 0) {
    this.remaining = IntakeFailures.check(initial);
  }

  /** True (and one fewer left) when this attempt should fail. */
  take(): boolean {
    if (this.remaining <= 0) return false;
    this.remaining -= 1;
    return true;
  }

  set(count: number): number {
    this.remaining = IntakeFailures.check(count);
    return this.remaining;
  }

  get(): number {
    return this.remaining;
  }

  private static check(count: number): number {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError('fail-first count must be a whole number ≥ 0');
    return count;
  }
}
