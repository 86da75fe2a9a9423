import { randomUUID } from 'node:crypto';
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
import { EducationStore } from './education-store.js';
import type { EducationContext } from './education-context.js';
import { registerPupilRoutes } from './routes-pupils.js';
import { registerIndexRoutes } from './routes-index.js';
import { registerSchoolRoutes } from './routes-schools.js';
import { registerWriteRoutes } from './routes-writes.js';
import { educationErrorBody, educationMalformedBody } from './malformed-bodies.js';

export interface EducationServerOptions {
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
}

/**
 * The education / SEND system stand-in: school census, SEN2 / EHC hub data and PEPs over JSON at
 * /education/v1, with faults, per-route counters and /admin controls. Built, not listening.
 */
export function createEducationServer(options: EducationServerOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  const counters = options.counters ?? new RequestCounter();
  const directory = new Directory(options.population);
  const context: EducationContext = {
    store: new EducationStore(options.population.education),
    directory,
    schoolsByUrn: directory.organisationsByCode('SCHOOL'),
    webhooks: options.webhooks,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };

  registerJsonErrors(app);
  countHttpRequests(app, counters);
  applyHttpFaults(app, options.faults, {
    errorBody: educationErrorBody,
    malformedBody: educationMalformedBody,
    ...(options.timeoutHoldMs === undefined ? {} : { timeoutHoldMs: options.timeoutHoldMs }),
  });
  registerAdminRoutes(app, { faults: options.faults, counters });
  registerPupilRoutes(app, context);
  registerIndexRoutes(app, context);
  registerSchoolRoutes(app, context);
  registerWriteRoutes(app, context);
  return app;
}
