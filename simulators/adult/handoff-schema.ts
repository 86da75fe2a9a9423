import { z } from 'zod';
import { isValidNhsNumber } from './nhs-number.js';

const identifier = z
  .object({
    /** e.g. social-care-person-id, upn, adult-person-id */
    system: z.string().min(1).max(64),
    value: z.string().min(1).max(64),
  })
  .strict();

const section = z.looseObject({
  /** What the section is, e.g. CARE_PLAN, HEALTH, EDUCATION, PATHWAY_PLAN, RISKS. */
  type: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'an upper-case section type such as HEALTH'),
  title: z.string().max(200).optional(),
  content: z.unknown().refine((value) => value !== undefined, 'content is required'),
});

/**
 * The envelope of a transition package from the hub. Only the envelope is checked: section contents belong to
 * the hub and are stored as sent. Extra fields are kept (and count when comparing a replay with the original).
 */
export const handoffPackageSchema = z.looseObject({
  /** The sender's id for this handoff: the idempotency key. */
  handoffId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'letters, digits and . _ : - (at most 128)'),
  /** When the hub sent this attempt; it may differ between retries and is ignored when comparing them. */
  sentAt: z.iso.datetime({ offset: true }).optional(),
  child: z.looseObject({
    nhsNumber: z
      .string()
      .refine(isValidNhsNumber, 'not a valid NHS number (10 digits, modulus 11)')
      .nullable(),
    identifiers: z.array(identifier).max(20).optional(),
    givenName: z.string().min(1).max(100),
    familyName: z.string().min(1).max(100),
    dateOfBirth: z.iso.date(),
    sex: z.enum(['M', 'F', 'U']).optional(),
  }),
  sections: z.array(section).min(1).max(100),
});

export type HandoffPackage = z.infer<typeof handoffPackageSchema>;
