import type { FastifyInstance } from 'fastify';
import { FaultController } from '../kit/faults.js';
import type { FaultSettings } from '../kit/faults.js';
import { RequestCounter } from '../kit/counters.js';
import { WebhookSender } from '../kit/webhooks.js';
import { createAdultServer } from './adult-server.js';
import { adultFixturePopulation } from './fixture-population.js';

export interface AdultTestServer {
  app: FastifyInstance;
  faults: FaultController;
  counters: RequestCounter;
  webhooks: WebhookSender;
}

/** An adult server over the fixture, for tests; the random source is fixed so fault rates of 1 always fire. */
export function adultTestServer(
  options: {
    faults?: Partial<FaultSettings>;
    webhookUrl?: string | null;
    secret?: string;
    failFirstHandoffs?: number;
    timeoutHoldMs?: number;
    acknowledgeHandoffsAfterMs?: number | null;
    /** The clock; fixed at 2025-03-03T10:00Z unless given. */
    now?: () => Date;
  } = {},
): AdultTestServer {
  const faults = new FaultController(options.faults ?? {}, () => 0);
  const counters = new RequestCounter();
  const webhooks = new WebhookSender({
    url: options.webhookUrl ?? null,
    secret: options.secret ?? 'adult-test-secret',
    backoffMs: 5,
  });
  let references = 0;
  const app = createAdultServer({
    population: adultFixturePopulation(),
    faults,
    webhooks,
    counters,
    failFirstHandoffs: options.failFirstHandoffs ?? 0,
    newReference: () => `ASC-${String(++references).padStart(8, '0')}`,
    now: options.now ?? (() => new Date('2025-03-03T10:00:00.000Z')),
    acknowledgeHandoffsAfterMs: options.acknowledgeHandoffsAfterMs ?? null,
    timeoutHoldMs: options.timeoutHoldMs ?? 50,
  });
  return { app, faults, counters, webhooks };
}
