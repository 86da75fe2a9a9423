/**
 * zod schemas of every payload the adult social care system sends. Only the fields the hub uses are declared:
 * anything else (addresses, names outside the index) is dropped at the boundary, so the hub never holds it.
 */
import { z } from 'zod';

const isoDate = z.iso.date();

/** A professional as the adult system shows them (transition worker, personal adviser). */
export const contactSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.string().min(1),
  email: z.string().min(1),
  phone: z.string(),
  organisation: z.object({ id: z.string(), kind: z.string(), name: z.string(), code: z.string() }).nullable(),
});

export const personSchema = z.object({
  personId: z.string().min(1),
  transitionReferrals: z.array(
    z.object({ id: z.string().min(1), date: isoDate, source: z.string(), reason: z.string() }),
  ),
  /** Care Act 2014 s58 child's needs assessments. */
  s58Assessments: z.array(
    z.object({
      id: z.string().min(1),
      referralDate: isoDate,
      assessmentDate: isoDate.nullable(),
      outcome: z.enum(['ELIGIBLE', 'NOT_ELIGIBLE', 'PENDING']),
    }),
  ),
  pathwayPlans: z.array(
    z.object({
      id: z.string().min(1),
      needsAssessmentDate: isoDate.nullable(),
      planDate: isoDate.nullable(),
      personalAdviser: contactSchema.nullable(),
    }),
  ),
  transitionWorker: contactSchema.nullable(),
  /** Client Level Data events. */
  cldEvents: z.array(
    z.object({
      id: z.string().min(1),
      eventType: z.enum(['REQUEST', 'ASSESSMENT', 'REVIEW', 'SERVICE']),
      date: isoDate,
      detail: z.string(),
    }),
  ),
});

/** `POST /people/search`: the records found, in the order asked; unknown ids listed apart. */
export const personSearchAnswerSchema = z.object({
  people: z.array(personSchema),
  notFound: z.array(z.string()),
});

/** `GET /people/index`: one page of every person record, with only what identity matching needs. */
export const personIndexAnswerSchema = z.object({
  people: z.array(
    z.object({
      id: z.string().min(1),
      nhsNumber: z.string().nullable(),
      upn: z.string().nullable(),
      givenName: z.string(),
      familyName: z.string(),
      sex: z.enum(['M', 'F', 'U']),
      dateOfBirth: isoDate,
      postcode: z.string().nullable(),
    }),
  ),
  next: z.string().min(1).nullable(),
});

/** `POST /transition-handoffs`: adult services' own reference for the package. */
export const handoffAnswerSchema = z.object({
  reference: z.string().min(1),
  status: z.string().min(1),
});

export type ContactPayload = z.infer<typeof contactSchema>;
export type PersonPayload = z.infer<typeof personSchema>;
export type PersonSearchAnswer = z.infer<typeof personSearchAnswerSchema>;
export type PersonIndexAnswer = z.infer<typeof personIndexAnswerSchema>;
export type PersonIndexEntry = PersonIndexAnswer['people'][number];
export type HandoffAnswer = z.infer<typeof handoffAnswerSchema>;
