/**
 * POST /webhooks/:agency — agencies announce changes (placement started, A&E attendance, exclusion, ...).
 * The raw body is verified before parsing, the event validated with zod, stored once per event id, and the
 * agency's connector told to drop anything it cached for the subject. Later work (reconciliation, notifications)
 * reads the stored events.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Connector } from '../../connectors/connector.js';
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';
import { checkWebhookSignature } from './signature.js';
import type { WebhookConfig } from './webhook-config.js';

const agencyParam = z.enum(['social-care', 'gp', 'education', 'adult']);

export const agencyEventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/),
  agency: agencyParam,
  occurredAt: z.iso.datetime({ offset: true }),
  subject: z.object({ system: z.string().min(1).max(100), value: z.string().min(1).max(100) }),
  data: z.record(z.string(), z.unknown()),
});

export type AgencyEvent = z.output<typeof agencyEventSchema>;

const connectorByAgency: Record<z.infer<typeof agencyParam>, string> = {
  'social-care': 'SOCIAL_CARE',
  gp: 'HEALTH',
  education: 'EDUCATION',
  adult: 'ADULT_SERVICES',
};

export function registerWebhookRoutes(
  app: FastifyInstance,
  deps: {
    /** Read per request: with embedded simulators the secret is known only once they have started. */
    config: () => WebhookConfig;
    db: Db;
    logger: Logger;
    connectors: readonly Connector[];
    now?: () => Date;
    /** Told of each new (not duplicate) event once it is stored: reconciliation of the child it is about. */
    onEvent?: (event: AgencyEvent) => Promise<void>;
  },
): void {
  const now = deps.now ?? (() => new Date());
  void app.register(async (scope) => {
    // The signature is over the exact bytes sent, so this route keeps the raw body.
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 1_048_576 },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Params: { agency: string } }>('/webhooks/:agency', async (request, reply) => {
      const { secret, toleranceSeconds } = deps.config();
      const agency = agencyParam.safeParse(request.params.agency);
      if (!agency.success || secret === undefined) {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Unknown agency.' } });
      }
      const rawBody = typeof request.body === 'string' ? request.body : '';
      const signature = request.headers['x-sim-signature'] ?? request.headers['x-hub-signature'];
      const problem = checkWebhookSignature(
        secret,
        Array.isArray(signature) ? signature[0] : signature,
        rawBody,
        Math.floor(now().getTime() / 1000),
        toleranceSeconds,
      );
      if (problem) {
        deps.logger.warn({ agency: agency.data, reason: problem }, 'webhook refused');
        return reply
          .status(401)
          .send({ error: { code: 'UNAUTHENTICATED', message: 'Bad webhook signature.', reason: problem } });
      }
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return reply.status(400).send({ error: { code: 'BAD_REQUEST', message: 'The body is not JSON.' } });
      }
      const event = agencyEventSchema.safeParse(json);
      if (!event.success || event.data.agency !== agency.data) {
        return reply
          .status(400)
          .send({ error: { code: 'VALIDATION_FAILED', message: 'The event failed validation.' } });
      }
      const stored = await deps.db.query(
        `INSERT INTO agency_events (event_id, agency, type, subject_system, subject_value, occurred_at, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
        [
          event.data.id,
          event.data.agency,
          event.data.type,
          event.data.subject.system,
          event.data.subject.value,
          event.data.occurredAt,
          JSON.stringify(event.data.data),
        ],
      );
      const duplicate = stored.rowCount === 0;
      if (!duplicate) {
        const connector = deps.connectors.find((c) => c.agency?.agency === connectorByAgency[agency.data]);
        await connector?.invalidate?.([event.data.subject.value]);
        deps.logger.info({ agency: agency.data, type: event.data.type }, 'agency event received');
        // The event is stored: a failure here loses nothing the nightly run would not catch up on.
        await deps
          .onEvent?.(event.data)
          .catch((error: unknown) =>
            deps.logger.error(
              { agency: agency.data, type: event.data.type, code: (error as { code?: unknown }).code },
              'the agency event could not start a reconciliation',
            ),
          );
      }
      return reply.status(duplicate ? 200 : 202).send({ received: true, duplicate });
    });
  });
}
