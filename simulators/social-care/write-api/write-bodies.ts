import { z } from 'zod';

/** Dates as the SSD holds them: a date-time with offset, or a plain date (midnight). */
const when = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const id = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[A-Za-z0-9._-]+$/, 'ids are letters, digits, dot, underscore or hyphen');
const codeList = z.array(z.string().min(1).max(100)).max(100);

export const startPlacementBody = z
  .object({
    personId: id,
    placementId: id.optional(),
    startDate: when,
    /** SSDA903 placement type (K2 children's home, U1–U6 foster, H5, P2 ...); K2 when a unit is given. */
    placementType: z
      .string()
      .regex(/^[A-Z][0-9]$/)
      .optional(),
    residentialUnitId: id.nullable().default(null),
    urn: z.string().max(48).nullable().optional(),
    providerCode: z.enum(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']).optional(),
    postcode: z.string().min(2).max(8).optional(),
    distanceMiles: z.number().min(0).max(999.9).nullable().default(null),
    intendedEndDate: when.nullable().default(null),
    isLongTerm: z.boolean().default(false),
    awaitingLongTermPlacement: z.boolean().default(false),
    /** Recorded on the placement this one replaces, if the child was placed elsewhere. */
    previousPlacementChangeReason: z.string().min(1).max(100).default('CARPL'),
    /** Used only when the child is not yet looked after and a new period of care begins. */
    legalStatus: z.string().min(1).max(10).default('V2'),
    needCode: z
      .string()
      .regex(/^N[0-9]$/)
      .default('N1'),
  })
  .strict()
  .refine(
    (b) => b.residentialUnitId !== null || (b.placementType !== undefined && b.postcode !== undefined),
    {
      message: 'placementType and postcode are required unless residentialUnitId is given',
    },
  );
export type StartPlacementBody = z.infer<typeof startPlacementBody>;

export const endPlacementBody = z
  .object({
    endDate: when,
    changeReason: z.string().min(1).max(100).default('CARPL'),
    /** SSDA903 reason episode ceased (E4A, E13 ...) when the child also stops being looked after. */
    ceasedReason: z.string().min(1).max(10).optional(),
  })
  .strict();
export type EndPlacementBody = z.infer<typeof endPlacementBody>;

export const createAssessmentBody = z
  .object({
    personId: id,
    assessmentId: id.optional(),
    /** The referral (CIN episode); defaults to the child's latest. */
    referralId: id.optional(),
    startDate: when,
    childSeen: z.boolean().default(true),
    authorisedDate: when.nullable().default(null),
    factors: codeList.default([]),
    workerId: id.nullable().default(null),
  })
  .strict();
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;

export const completeAssessmentBody = z
  .object({
    authorisedDate: when,
    factors: codeList.optional(),
  })
  .strict();
export type CompleteAssessmentBody = z.infer<typeof completeAssessmentBody>;

export const recordMeetingBody = z
  .object({
    personId: id,
    meetingId: id.optional(),
    date: when,
    // Each of these may be unrecorded (null): the learning review found meetings whose status nobody knew.
    type: z.string().min(1).max(48).nullable().default(null),
    statutory: z.boolean().nullable().default(null),
    purpose: z.string().min(1).max(1000).nullable().default(null),
    placementId: id.nullable().default(null),
    requiredAttendees: codeList.nullable().default(null),
    actualAttendees: codeList.default([]),
    minutesRecipients: codeList.nullable().default(null),
    updatedRiskAssessment: z.boolean().default(false),
  })
  .strict();
export type RecordMeetingBody = z.infer<typeof recordMeetingBody>;

export const startMissingBody = z
  .object({
    personId: id,
    missingEpisodeId: id.optional(),
    startDate: when,
    /** M missing, A away from placement without authorisation. */
    type: z.enum(['M', 'A']).default('M'),
  })
  .strict();
export type StartMissingBody = z.infer<typeof startMissingBody>;

export const endMissingBody = z
  .object({
    endDate: when,
    rhiOffered: z.boolean().nullable().default(null),
    rhiAccepted: z.boolean().nullable().default(null),
    rhiDate: when.nullable().default(null),
    reviewRequested: z.boolean().default(false),
  })
  .strict();
export type EndMissingBody = z.infer<typeof endMissingBody>;

export const idParams = z.object({ id }).strict();
