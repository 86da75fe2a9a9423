import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import { registerAdminRoutes } from '../../kit/admin-routes.js';
import type { RequestCounter } from '../../kit/counters.js';
import type { FaultController } from '../../kit/faults.js';
import { parseRequest, registerJsonErrors } from '../../kit/json-errors.js';
import type { WebhookSender } from '../../kit/webhooks.js';
import type { SsdDatabase } from '../database/ssd-database.js';
import type { SqlClient } from '../sql-client.js';
import { completeAssessment, createAssessment } from './assessment-writes.js';
import { recordMeeting } from './meeting-writes.js';
import { endMissing, startMissing } from './missing-writes.js';
import { endPlacement, startPlacement } from './placement-writes.js';
import {
  completeAssessmentBody,
  createAssessmentBody,
  endMissingBody,
  endPlacementBody,
  idParams,
  recordMeetingBody,
  startMissingBody,
  startPlacementBody,
} from './write-bodies.js';
import type { WriteResult } from './write-result.js';

export interface SocialCareWriteServerOptions {
  database: Pick<SsdDatabase, 'schema' | 'withWriteTransaction'>;
  /** The database proxy's faults and per-table query counts, exposed on /admin. */
  faults: FaultController;
  counters: RequestCounter;
  webhooks: WebhookSender;
  logger?: FastifyServerOptions['logger'];
}

/** Sends the event after the change has committed; a hub that cannot be reached does not undo the change. */
async function deliver(
  webhooks: WebhookSender,
  result: WriteResult,
  log: FastifyBaseLogger,
): Promise<boolean | null> {
  if (result.event === null) return null;
  try {
    await webhooks.send(result.event);
    return true;
  } catch (error) {
    log.warn({ eventId: result.event.id, eventType: result.event.type, err: error }, 'webhook not delivered');
    return false;
  }
}

/**
 * The case-worker side of the social care system: HTTP endpoints that make the changes the hub must react to
 * (each writes SSD rows in one transaction, then posts a signed webhook), plus the /admin routes for the
 * database proxy's faults and counters. Built without listening.
 */
export function createSocialCareWriteServer(options: SocialCareWriteServerOptions): FastifyInstance {
  const { database, webhooks } = options;
  const app = Fastify({ logger: options.logger ?? false });
  registerJsonErrors(app);
  registerAdminRoutes(app, { faults: options.faults, counters: options.counters });

  const write = async (
    log: FastifyBaseLogger,
    change: (client: SqlClient, schema: string) => Promise<WriteResult>,
  ): Promise<Record<string, unknown>> => {
    const result = await database.withWriteTransaction((client) => change(client, database.schema));
    const webhookDelivered = await deliver(webhooks, result, log);
    return {
      ...result.response,
      event: result.event === null ? null : { id: result.event.id, type: result.event.type },
      webhookDelivered,
    };
  };

  app.post('/placements', async (request, reply) => {
    const body = parseRequest(startPlacementBody, request.body, 'body');
    return reply
      .code(201)
      .send(await write(request.log, (client, schema) => startPlacement(client, schema, body)));
  });

  app.post('/placements/:id/end', async (request) => {
    const { id } = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(endPlacementBody, request.body ?? {}, 'body');
    return write(request.log, (client, schema) => endPlacement(client, schema, id, body));
  });

  app.post('/assessments', async (request, reply) => {
    const body = parseRequest(createAssessmentBody, request.body, 'body');
    return reply
      .code(201)
      .send(await write(request.log, (client, schema) => createAssessment(client, schema, body)));
  });

  app.post('/assessments/:id/complete', async (request) => {
    const { id } = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(completeAssessmentBody, request.body, 'body');
    return write(request.log, (client, schema) => completeAssessment(client, schema, id, body));
  });

  app.post('/meetings', async (request, reply) => {
    const body = parseRequest(recordMeetingBody, request.body, 'body');
    return reply
      .code(201)
      .send(await write(request.log, (client, schema) => recordMeeting(client, schema, body)));
  });

  app.post('/missing-episodes', async (request, reply) => {
    const body = parseRequest(startMissingBody, request.body, 'body');
    return reply
      .code(201)
      .send(await write(request.log, (client, schema) => startMissing(client, schema, body)));
  });

  app.post('/missing-episodes/:id/end', async (request) => {
    const { id } = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(endMissingBody, request.body, 'body');
    return write(request.log, (client, schema) => endMissing(client, schema, id, body));
  });

  return app;
}
