import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultController } from './faults.js';
import { faultSettingsSchema } from './faults.js';
import type { RequestCounter } from './counters.js';

export interface AdminDeps {
  faults: FaultController;
  counters: RequestCounter;
}

/**
 * Test-control routes, never subject to faults: GET /admin/counters, POST /admin/counters/reset,
 * GET /admin/faults, PUT /admin/faults (partial), POST /admin/faults/reset, GET /admin/health.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { faults, counters } = deps;
  const countersView = () => ({ total: counters.total(), counts: counters.snapshot() });

  app.get('/admin/health', async () => ({ status: 'ok', down: faults.get().down }));

  app.get('/admin/counters', async () => countersView());

  app.post('/admin/counters/reset', async () => {
    counters.reset();
    return countersView();
  });

  app.get('/admin/faults', async () => faults.get());

  app.put('/admin/faults', async (request, reply) => {
    const parsed = faultSettingsSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      return reply.code(400).send({
        error: { code: 'INVALID_FAULT_SETTINGS', message: z.prettifyError(parsed.error) },
      });
    }
    return faults.set(parsed.data);
  });

  app.post('/admin/faults/reset', async () => faults.reset());
}
