import type { WebhookSender } from '../kit/webhooks.js';
import type { HandoffRecord, HandoffRegistry } from './handoff-registry.js';

export type AcknowledgementResult =
  | { outcome: 'NOT_FOUND' }
  | { outcome: 'ACKNOWLEDGED'; record: HandoffRecord; webhook: 'DELIVERED' | 'NOT_DELIVERED' };

/**
 * A person in adult services picking a transition case up, told to the hub as a signed `handoff.acknowledged`
 * webhook carrying the hub's handoff id and adult services' reference. It happens when an operator says so
 * (POST /admin/transition-handoffs/:reference/acknowledge) or, when `afterMs` is set, that long after intake, so
 * a demo shows the whole life of a handoff. Acknowledging again sends the same event again (same event id): the
 * hub de-duplicates it, and a hub that missed it the first time gets it.
 */
export class HandoffAcknowledgements {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly options: {
      registry: HandoffRegistry;
      webhooks: WebhookSender;
      now: () => Date;
      newId: () => string;
      /** Acknowledge each new handoff this long after intake; null waits for the operator. */
      afterMs: number | null;
      /** Told when an automatic acknowledgement's webhook could not be delivered. */
      onUndelivered?: (reference: string) => void;
    },
  ) {}

  /** Called for each newly received handoff: starts its automatic acknowledgement, if configured. */
  received(reference: string): void {
    const { afterMs } = this.options;
    if (afterMs === null) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // Already picked up by hand: nothing more happens on its own.
      if (this.options.registry.byReferenceId(reference)?.status === 'ACKNOWLEDGED') return;
      void this.acknowledge(reference).then((result) => {
        if (result.outcome === 'ACKNOWLEDGED' && result.webhook === 'NOT_DELIVERED')
          this.options.onUndelivered?.(reference);
      });
    }, afterMs);
    timer.unref();
    this.timers.add(timer);
  }

  async acknowledge(reference: string): Promise<AcknowledgementResult> {
    const record = this.options.registry.acknowledge(
      reference,
      this.options.now().toISOString(),
      this.options.newId(),
    );
    if (!record) return { outcome: 'NOT_FOUND' };
    try {
      await this.options.webhooks.send({
        id: record.acknowledgementEventId!,
        type: 'handoff.acknowledged',
        agency: 'adult',
        occurredAt: record.acknowledgedAt!,
        subject: { system: 'adult-person-id', value: record.personId },
        data: { handoffId: record.handoffId, reference: record.reference },
      });
      return { outcome: 'ACKNOWLEDGED', record, webhook: 'DELIVERED' };
    } catch {
      // The case is picked up whether or not the hub heard; the operator can send it again.
      return { outcome: 'ACKNOWLEDGED', record, webhook: 'NOT_DELIVERED' };
    }
  }

  /** Cancels the acknowledgements still waiting (the server is closing). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
