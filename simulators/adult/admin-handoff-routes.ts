import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseRequest } from '../kit/json-errors.js';
import type { HandoffAcknowledgements } from './handoff-acknowledgements.js';
import type { IntakeFailures } from './handoff-registry.js';

const bodySchema = z.object({ failFirst: z.number().int().min(0).max(1000) }).strict();

/** GET / PUT /admin/handoff-failures: how many of the next intake attempts fail with 503. */
export function registerHandoffFailureAdmin(app: FastifyInstance, failures: IntakeFailures): void {
  app.get('/admin/handoff-failures', async () => ({ remaining: failures.get() }));
  app.put('/admin/handoff-failures', async (request) => {
    const { failFirst } = parseRequest(bodySchema, request.body, 'body');
    return { remaining: failures.set(failFirst) };
  });
}

/**
 * POST /admin/transition-handoffs/:reference/acknowledge: a person picks the case up now; the hub is told by a
 * signed `handoff.acknowledged` webhook. Answers whether that webhook was delivered (sending again resends it).
 */
export function registerHandoffAcknowledgementAdmin(
  app: FastifyInstance,
  acknowledgements: HandoffAcknowledgements,
): void {
  app.post('/admin/transition-handoffs/:reference/acknowledge', async (request) => {
    const { reference } = parseRequest(
      z.object({ reference: z.string().min(1).max(64) }),
      request.params,
      'path',
    );
    const result = await acknowledgements.acknowledge(reference);
    if (result.outcome === 'NOT_FOUND')
      throw new HttpProblem(404, 'HANDOFF_NOT_FOUND', 'No handoff with that reference');
    return {
      reference: result.record.reference,
      status: result.record.status,
      acknowledgedAt: result.record.acknowledgedAt,
      webhook: result.webhook,
    };
  });
}
