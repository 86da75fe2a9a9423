/**
 * zod schemas of every payload the education / SEND system sends. Only the fields the hub uses are declared:
 * anything else (addresses, names outside the index) is dropped at the boundary, so the hub never holds it.
 */
import { z } from 'zod';

const isoDate = z.iso.date();

/** A professional as the education system shows them (SENCO, designated teacher, virtual school head). */
export const contactSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.string().min(1),
  email: z.string().min(1),
  phone: z.string(),
  organisation: z.object({ id: z.string(), kind: z.string(), name: z.string(), code: z.string() }).nullable(),
});

export const pupilSchema = z.object({
  pupilId: z.string().min(1),
  enrolments: z.array(
    z.object({
      schoolUrn: z.string().min(1),
      schoolName: z.string().nullable(),
      yearGroup: z.string(),
      from: isoDate,
      to: isoDate.nullable(),
    }),
  ),
  attendance: z.array(
    z.object({
      academicYear: z.string().min(1),
      term: z.enum(['AUTUMN', 'SPRING', 'SUMMER']),
      possibleSessions: z.number().int().min(0),
      attendedSessions: z.number().int().min(0),
    }),
  ),
  exclusions: z.array(
    z.object({
      id: z.string().min(1),
      date: isoDate,
      kind: z.enum(['SUSPENSION', 'PERMANENT']),
      sessions: z.number().int().min(0),
      reason: z.string(),
      schoolUrn: z.string(),
    }),
  ),
  sen: z.object({ provision: z.enum(['N', 'K', 'E']), needs: z.array(z.string()) }),
  ehcNeedsAssessment: z
    .object({
      id: z.string().min(1),
      requestDate: isoDate,
      decisionDate: isoDate.nullable(),
      /** SEN2 outcome of the decision whether to assess. */
      decisionOutcome: z.enum(['Y', 'N', 'A', 'W', 'H']).nullable(),
      finalPlanDate: isoDate.nullable(),
      annualReviews: z.array(z.object({ id: z.string().min(1), date: isoDate, pfaOutcomes: z.boolean() })),
      status: z.enum(['REQUESTED', 'ASSESSING', 'ISSUED', 'REFUSED', 'CEASED']),
    })
    .nullable(),
  personalEducationPlans: z.array(
    z.object({
      id: z.string().min(1),
      date: isoDate,
      reviewedDate: isoDate.nullable(),
      designatedTeacher: contactSchema.nullable(),
    }),
  ),
  contacts: z.object({
    senco: contactSchema.nullable(),
    designatedTeacher: contactSchema.nullable(),
    virtualSchoolHead: contactSchema.nullable(),
  }),
});

/** `POST /pupils/search`: the records found, in the order asked; unknown ids listed apart. */
export const pupilSearchAnswerSchema = z.object({
  pupils: z.array(pupilSchema),
  notFound: z.array(z.string()),
});

/** `GET /pupils/index`: one page of every pupil record, with only what identity matching needs. */
export const pupilIndexAnswerSchema = z.object({
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

export type ContactPayload = z.infer<typeof contactSchema>;
export type PupilPayload = z.infer<typeof pupilSchema>;
export type PupilSearchAnswer = z.infer<typeof pupilSearchAnswerSchema>;
export type PupilIndexAnswer = z.infer<typeof pupilIndexAnswerSchema>;
export type PupilIndexEntry = PupilIndexAnswer['people'][number];
