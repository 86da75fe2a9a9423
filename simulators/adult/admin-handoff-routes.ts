import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseRequest } from '../kit/json-errors.js';
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
