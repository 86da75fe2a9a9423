import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseRequest } from '../kit/json-errors.js';
import type { AdultContext } from './adult-context.js';
import { adultBasePath } from './adult-context.js';
import type { HandoffRecord } from './handoff-registry.js';
import { handoffPackageSchema } from './handoff-schema.js';

const handoffsPath = `${adultBasePath}/transition-handoffs`;

function handoffView(record: HandoffRecord) {
  return {
    reference: record.reference,
    handoffId: record.handoffId,
    status: record.status,
    receivedAt: record.receivedAt,
    acknowledgedAt: record.acknowledgedAt,
    personId: record.personId,
    package: record.package,
  };
}

export function registerHandoffRoutes(app: FastifyInstance, context: AdultContext): void {
  /**
   * Intake of a transition package. Idempotent on `handoffId`: 201 the first time, 200 with the same reference
   * for the same package again, 409 for the same id with a different package.
   */
  app.post(handoffsPath, async (request, reply) => {
    if (context.intakeFailures.take()) {
      return reply
        .code(503)
        .header('retry-after', '1')
        .send({
          error: { code: 'INTAKE_UNAVAILABLE', message: 'Handoff intake is temporarily unavailable' },
        });
    }
    const pkg = parseRequest(handoffPackageSchema, request.body, 'handoff package');
    const receivedAt = context.now();
    const result = context.handoffs.intake(pkg, receivedAt.toISOString(), (reference) =>
      context.store.receiveHandoff(
        {
          nhsNumber: pkg.child.nhsNumber,
          adultPersonId: pkg.child.identifiers?.find((id) => id.system === 'adult-person-id')?.value ?? null,
          givenName: pkg.child.givenName,
          familyName: pkg.child.familyName,
          dateOfBirth: pkg.child.dateOfBirth,
          sex: pkg.child.sex ?? 'U',
        },
        reference,
        receivedAt.toISOString().slice(0, 10),
      ),
    );
    const answer = { reference: result.record.reference, status: result.record.status };
    if (result.outcome === 'conflict') {
      throw new HttpProblem(
        409,
        'HANDOFF_CONFLICT',
        `handoffId was already received (${result.record.reference}) with a different package`,
      );
    }
    if (result.outcome === 'replayed') return reply.code(200).send(answer);
    context.acknowledgements.received(result.record.reference);

    try {
      await context.webhooks.send({
        id: context.newId(),
        type: 'handoff.received',
        agency: 'adult',
        occurredAt: result.record.receivedAt,
        subject: { system: 'adult-person-id', value: result.record.personId },
        data: { reference: result.record.reference, handoffId: result.record.handoffId },
      });
    } catch (error) {
      // The handoff is filed whether or not the hub hears of it; the hub holds the reference from this answer.
      request.log.warn({ handoffReference: result.record.reference, err: error }, 'webhook not delivered');
    }
    return reply.code(201).header('location', `${handoffsPath}/${result.record.reference}`).send(answer);
  });

  app.get(`${handoffsPath}/:reference`, async (request) => {
    const { reference } = parseRequest(
      z.object({ reference: z.string().min(1).max(64) }),
      request.params,
      'path',
    );
    const record = context.handoffs.byReferenceId(reference);
    if (!record) throw new HttpProblem(404, 'HANDOFF_NOT_FOUND', 'No handoff with that reference');
    return handoffView(record);
  });

  /** Lets a sender that lost the intake answer find its handoff by its own id. */
  app.get(handoffsPath, async (request) => {
    const { handoffId } = parseRequest(
      z.object({ handoffId: z.string().min(1).max(128) }),
      request.query,
      'query',
    );
    const record = context.handoffs.bySenderId(handoffId);
    return { handoffs: record ? [handoffView(record)] : [] };
  });
}
