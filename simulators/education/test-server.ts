import type { FastifyInstance } from 'fastify';
import { FaultController } from '../kit/faults.js';
import type { FaultSettings } from '../kit/faults.js';
import { RequestCounter } from '../kit/counters.js';
import { WebhookSender } from '../kit/webhooks.js';
import { createEducationServer } from './education-server.js';
import { educationFixturePopulation } from './fixture-population.js';

export interface EducationTestServer {
  app: FastifyInstance;
  faults: FaultController;
  counters: RequestCounter;
  webhooks: WebhookSender;
}

/** An education server over the fixture, for tests; the random source is fixed so fault rates of 1 always fire. */
export function educationTestServer(
  options: {
    faults?: Partial<FaultSettings>;
    webhookUrl?: string | null;
    secret?: string;
    timeoutHoldMs?: number;
  } = {},
): EducationTestServer {
  const faults = new FaultController(options.faults ?? {}, () => 0);
  const counters = new RequestCounter();
  const webhooks = new WebhookSender({
    url: options.webhookUrl ?? null,
    secret: options.secret ?? 'education-test-secret',
    backoffMs: 5,
  });
  const app = createEducationServer({
    population: educationFixturePopulation(),
    faults,
    webhooks,
    counters,
    timeoutHoldMs: options.timeoutHoldMs ?? 50,
  });
  return { app, faults, counters, webhooks };
}
