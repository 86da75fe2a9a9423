import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { registerAdminRoutes } from '../kit/admin-routes.js';
import { RequestCounter } from '../kit/counters.js';
import type { FaultController } from '../kit/faults.js';
import { applyHttpFaults } from '../kit/http-faults.js';
import { registerJsonErrors } from '../kit/json-errors.js';
import type { WebhookSender } from '../kit/webhooks.js';
import type { Population } from '../population/model.js';
import { GpRepository } from './data/gp-repository.js';
import { registerAdminEncounterRoute } from './http/admin-encounter-route.js';
import { fhirRoutes } from './http/fhir-routes.js';
import { countFhirInteractions } from './http/interaction-counter.js';
import { gpErrorBody, gpMalformedBody } from './http/malformed-bodies.js';
import type { PagingLimits } from './search/parse-search.js';
import { defaultPagingLimits } from './search/parse-search.js';
import type { Handling } from './search/search-request.js';

export const fhirBasePath = '/fhir';

export interface GpServerOptions {
  population: Population;
  faults: FaultController;
  webhooks: WebhookSender;
  /** Supply one to read counts directly in tests; otherwise read them at GET /admin/counters. */
  counters?: RequestCounter;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  newId?: () => string;
  /** How long a `timeout` fault holds a request before answering 504. */
  timeoutHoldMs?: number;
  /** Public FHIR base URL (ending in /fhir) for fullUrl and links; by default derived from the Host header. */
  baseUrl?: string;
  /** Handling when the client sends no `Prefer: handling=`; strict rejects unknown parameters. */
  defaultHandling?: Handling;
  paging?: Partial<PagingLimits>;
}

/**
 * The GP practice system stand-in: a read-only FHIR R4 server at /fhir built from population.gp, with faults,
 * per-interaction counters (`Patient:search`, `Condition:read`, ...) and /admin controls, including
 * POST /admin/encounters to record an A&E attendance. Built, not listening.
 */
export function createGpServer(options: GpServerOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  const counters = options.counters ?? new RequestCounter();
  const repository = new GpRepository(options.population);
  const now = options.now ?? (() => new Date());

  registerJsonErrors(app);
  countFhirInteractions(app, counters);
  applyHttpFaults(app, options.faults, {
    errorBody: gpErrorBody,
    malformedBody: gpMalformedBody,
    ...(options.timeoutHoldMs === undefined ? {} : { timeoutHoldMs: options.timeoutHoldMs }),
  });
  registerAdminRoutes(app, { faults: options.faults, counters });
  registerAdminEncounterRoute(app, {
    repository,
    webhooks: options.webhooks,
    now,
    newId: options.newId ?? randomUUID,
  });
  void app.register(
    fhirRoutes({
      repository,
      defaultHandling: options.defaultHandling ?? 'strict',
      paging: { ...defaultPagingLimits, ...options.paging },
      now,
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    }),
    { prefix: fhirBasePath },
  );
  return app;
}
