import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseRequest } from '../../kit/json-errors.js';
import type { SimEvent, WebhookSender } from '../../kit/webhooks.js';
import type { GpRecord } from '../../population/model.js';
import type { GpRepository } from '../data/gp-repository.js';
import type { GpEncounter } from '../data/gp-items.js';
import { systems } from '../fhir/code-systems.js';

export interface AdminEncounterDeps {
  repository: GpRepository;
  webhooks: WebhookSender;
  now: () => Date;
  newId: () => string;
}

/** SNOMED CT encounter types for the unscheduled contacts a GP record is told about. */
const defaultTypes = {
  EMER: { snomed: '4525004', display: 'Emergency department patient visit' },
  IMP: { snomed: '32485007', display: 'Hospital admission' },
} as const;

const isoDateTime = z.iso.datetime({ offset: true });

export const adminEncounterBodySchema = z
  .object({
    patientId: z.string().min(1).max(64).optional(),
    nhsNumber: z
      .string()
      .regex(/^\d{10}$/, 'ten digits')
      .optional(),
    class: z.enum(['EMER', 'IMP']).default('EMER'),
    start: isoDateTime.optional(),
    end: isoDateTime.nullable().default(null),
    snomed: z
      .string()
      .regex(/^\d{6,18}$/, 'a SNOMED CT concept id')
      .optional(),
    display: z.string().min(1).max(200).optional(),
    reason: z.string().min(1).max(500).nullable().default(null),
  })
  .strict()
  .refine((body) => (body.patientId === undefined) !== (body.nhsNumber === undefined), {
    message: 'give exactly one of patientId or nhsNumber',
  })
  .refine(
    (body) => body.end === null || body.start === undefined || Date.parse(body.end) >= Date.parse(body.start),
    {
      message: 'end is before start',
      path: ['end'],
    },
  );

export type AdminEncounterBody = z.infer<typeof adminEncounterBodySchema>;

function findPatient(repository: GpRepository, body: AdminEncounterBody): GpRecord {
  if (body.patientId !== undefined) {
    const record = repository.patientRecord(body.patientId);
    if (!record) throw new HttpProblem(404, 'PATIENT_NOT_FOUND', 'No patient with that id');
    return record;
  }
  const ids = repository.idsByIdentifier('Patient', systems.nhsNumber, body.nhsNumber ?? '');
  if (ids.length === 0) throw new HttpProblem(404, 'PATIENT_NOT_FOUND', 'No patient with that NHS number');
  if (ids.length > 1) {
    throw new HttpProblem(
      409,
      'AMBIGUOUS_NHS_NUMBER',
      `${ids.length} GP records hold that NHS number; give patientId`,
    );
  }
  return repository.patientRecord(ids[0] as string) as GpRecord;
}

/** The hub links GP records on the NHS number; a patient without one is named by the GP system's own id. */
function subjectOf(record: GpRecord): SimEvent['subject'] {
  return record.identity.nhsNumber !== null
    ? { system: systems.nhsNumber, value: record.identity.nhsNumber }
    : { system: 'gp-patient-id', value: record.patientId };
}

/**
 * POST /admin/encounters: the GP system hears of an A&E attendance (or admission). The Encounter is then served
 * over FHIR and the hub is sent a signed `encounter.unscheduled` event naming it. The encounter is kept even when
 * the hub cannot be reached, as a real system would; the answer says whether the event was delivered.
 */
export function registerAdminEncounterRoute(app: FastifyInstance, deps: AdminEncounterDeps): void {
  app.post('/admin/encounters', async (request, reply) => {
    const body = parseRequest(adminEncounterBodySchema, request.body, 'body');
    const record = findPatient(deps.repository, body);
    const now = deps.now().toISOString();
    const item: GpEncounter = {
      id: `enc-${deps.newId()}`,
      class: body.class,
      snomed: body.snomed ?? defaultTypes[body.class].snomed,
      display: body.display ?? defaultTypes[body.class].display,
      start: body.start ?? now,
      end: body.end,
      reason: body.reason,
    };
    const encounter = deps.repository.addEncounter(record.patientId, item, now);
    const event: SimEvent = {
      id: deps.newId(),
      type: 'encounter.unscheduled',
      agency: 'gp',
      occurredAt: item.start,
      subject: subjectOf(record),
      // Clinical detail stays in the GP record; the hub fetches the Encounter it names.
      data: {
        patientId: record.patientId,
        encounterId: item.id,
        resource: `Encounter/${item.id}`,
        class: item.class,
        start: item.start,
        end: item.end,
      },
    };
    let delivered = true;
    try {
      await deps.webhooks.send(event);
    } catch (error) {
      delivered = false;
      request.log.warn({ eventId: event.id, eventType: event.type, err: error }, 'webhook not delivered');
    }
    return reply.code(201).send({ encounter, event: { id: event.id, delivered } });
  });
}
