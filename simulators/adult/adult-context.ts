import type { Directory } from '../kit/directory.js';
import type { WebhookSender } from '../kit/webhooks.js';
import type { AdultStore } from './adult-store.js';
import type { HandoffAcknowledgements } from './handoff-acknowledgements.js';
import type { HandoffRegistry, IntakeFailures } from './handoff-registry.js';

/** What the adult routes share: built once per server, passed down (no module state). */
export interface AdultContext {
  store: AdultStore;
  directory: Directory;
  handoffs: HandoffRegistry;
  intakeFailures: IntakeFailures;
  acknowledgements: HandoffAcknowledgements;
  webhooks: WebhookSender;
  now: () => Date;
  newId: () => string;
}

export const adultBasePath = '/adult/v1';
