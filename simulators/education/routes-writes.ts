import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseRequest } from '../kit/json-errors.js';
import type { SimEvent } from '../kit/webhooks.js';
import type { EducationRecord } from '../population/model.js';
import type { EducationContext } from './education-context.js';
import { educationBasePath } from './education-context.js';
import { applyEhcMilestone } from './ehc-milestones.js';
import { ehcMilestoneBodySchema, exclusionBodySchema } from './request-schemas.js';

const pupilParamsSchema = z.object({ pupilId: z.string().min(1).max(64) });

/** The hub links schools' records on the UPN; a pupil without one is named by the system's own id. */
function subjectOf(record: EducationRecord): SimEvent['subject'] {
  return record.identity.upn
    ? { system: 'upn', value: record.identity.upn }
    : { system: 'education-pupil-id', value: record.pupilId };
}

/** The write has happened whether or not the hub hears of it, so a failed delivery is logged, not returned. */
async function emit(context: EducationContext, log: FastifyBaseLogger, event: SimEvent): Promise<void> {
  try {
    await context.webhooks.send(event);
  } catch (error) {
    log.warn({ eventId: event.id, eventType: event.type, err: error }, 'webhook not delivered');
  }
}

function requirePupil(context: EducationContext, params: unknown): EducationRecord {
  const { pupilId } = parseRequest(pupilParamsSchema, params, 'path');
  const record = context.store.get(pupilId);
  if (!record) throw new HttpProblem(404, 'PUPIL_NOT_FOUND', 'No pupil with that id');
  return record;
}

export function registerWriteRoutes(app: FastifyInstance, context: EducationContext): void {
  app.post(`${educationBasePath}/pupils/:pupilId/exclusions`, async (request, reply) => {
    const record = requirePupil(context, request.params);
    const body = parseRequest(exclusionBodySchema, request.body, 'body');
    const knownSchool =
      context.schoolsByUrn.has(body.schoolUrn) ||
      record.enrolments.some((e) => e.schoolUrn === body.schoolUrn);
    if (!knownSchool) throw new HttpProblem(422, 'UNKNOWN_SCHOOL', 'No school with that URN');
    const exclusion = { id: `EXC-${context.newId()}`, ...body };
    context.store.addExclusion(record.pupilId, exclusion);
    await emit(context, request.log, {
      id: context.newId(),
      type: 'exclusion.recorded',
      agency: 'education',
      occurredAt: context.now().toISOString(),
      subject: subjectOf(record),
      data: { pupilId: record.pupilId, ...exclusion },
    });
    return reply.code(201).send({ exclusion });
  });

  app.post(`${educationBasePath}/pupils/:pupilId/ehcp-milestones`, async (request, reply) => {
    const record = requirePupil(context, request.params);
    const step = parseRequest(ehcMilestoneBodySchema, request.body, 'body');
    const result = applyEhcMilestone(record.ehc, step, () => `EHC-${context.newId()}`);
    if (!result.ok) throw new HttpProblem(result.status, result.code, result.message);
    context.store.setEhcTimeline(record.pupilId, result.timeline);
    await emit(context, request.log, {
      id: context.newId(),
      type: 'ehcp.milestone',
      agency: 'education',
      occurredAt: context.now().toISOString(),
      subject: subjectOf(record),
      data: { pupilId: record.pupilId, ehcId: result.timeline.id, status: result.timeline.status, ...step },
    });
    return reply.code(201).send({ ehcNeedsAssessment: result.timeline });
  });
}
