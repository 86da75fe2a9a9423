import { randomInt, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Population } from '../population/model.js';
import type { FaultController } from '../kit/faults.js';
import { RequestCounter } from '../kit/counters.js';
import type { WebhookSender } from '../kit/webhooks.js';
import { applyHttpFaults } from '../kit/http-faults.js';
import { countHttpRequests } from '../kit/http-counters.js';
import { registerAdminRoutes } from '../kit/admin-routes.js';
import { registerJsonErrors } from '../kit/json-errors.js';
import { Directory } from '../kit/directory.js';
import { AdultStore } from './adult-store.js';
import type { AdultContext } from './adult-context.js';
import { HandoffRegistry, IntakeFailures } from './handoff-registry.js';
import { registerPeopleRoutes } from './routes-people.js';
import { registerIndexRoutes } from './routes-index.js';
import { registerHandoffRoutes } from './routes-handoffs.js';
import { registerHandoffAcknowledgementAdmin, registerHandoffFailureAdmin } from './admin-handoff-routes.js';
import { HandoffAcknowledgements } from './handoff-acknowledgements.js';
import { adultErrorBody, adultMalformedBody } from './malformed-bodies.js';

export interface AdultServerOptions {
  population: Population;
  faults: FaultController;
  webhooks: WebhookSender;
  /** Supply one to read counts directly in tests; otherwise read them at GET /admin/counters. */
  counters?: RequestCounter;
  /** Fail this many handoff intake attempts with 503 before accepting (see /admin/handoff-failures). */
  failFirstHandoffs?: number;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  newId?: () => string;
  /** Adult services' own handoff references, `ASC-` and eight digits by default. */
  newReference?: () => string;
  /** How long a `timeout` fault holds a request before answering 504. */
  timeoutHoldMs?: number;
  /**
   * Acknowledge each new handoff (webhook `handoff.acknowledged`) this long after intake; unset or null waits for
   * POST /admin/transition-handoffs/:reference/acknowledge.
   */
  acknowledgeHandoffsAfterMs?: number | null;
}

const randomReference = (): string => `ASC-${randomInt(10_000_000, 100_000_000)}`;

/**
 * The adult social care system stand-in, modelled on the Client Level Data collection: people by id or NHS
 * number with transition work and CLD events, plus transition handoff intake, at /adult/v1. Built, not listening.
 */
export function createAdultServer(options: AdultServerOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  const counters = options.counters ?? new RequestCounter();
  const intakeFailures = new IntakeFailures(options.failFirstHandoffs ?? 0);
  const handoffs = new HandoffRegistry(options.newReference ?? randomReference);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const acknowledgements = new HandoffAcknowledgements({
    registry: handoffs,
    webhooks: options.webhooks,
    now,
    newId,
    afterMs: options.acknowledgeHandoffsAfterMs ?? null,
    onUndelivered: (reference) =>
      app.log.warn({ handoffReference: reference }, 'acknowledgement webhook not delivered'),
  });
  app.addHook('onClose', async () => acknowledgements.close());
  const context: AdultContext = {
    store: new AdultStore(options.population.adult),
    directory: new Directory(options.population),
    handoffs,
    intakeFailures,
    acknowledgements,
    webhooks: options.webhooks,
    now,
    newId,
  };

  registerJsonErrors(app);
  countHttpRequests(app, counters);
  applyHttpFaults(app, options.faults, {
    errorBody: adultErrorBody,
    malformedBody: adultMalformedBody,
    ...(options.timeoutHoldMs === undefined ? {} : { timeoutHoldMs: options.timeoutHoldMs }),
  });
  registerAdminRoutes(app, { faults: options.faults, counters });
  registerHandoffFailureAdmin(app, intakeFailures);
  registerHandoffAcknowledgementAdmin(app, acknowledgements);
  registerPeopleRoutes(app, context);
  registerIndexRoutes(app, context);
  registerHandoffRoutes(app, context);
  return app;
}
