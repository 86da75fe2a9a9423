import { z } from 'zod';

/** Most ids one GET may carry (URL length); larger batches use POST …/search. */
export const maxIdsPerGet = 200;
/** Most ids one POST …/search may carry. */
export const maxIdsPerSearch = 10_000;

const pupilId = z.string().min(1).max(64);
/** Loose on purpose: the hub may hold UPNs that fail their check letter and should simply not be found. */
const upn = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9 ]+$/, 'a UPN has only letters and digits');
const urn = z.string().regex(/^\d{5,8}$/, 'a school URN is 5–8 digits');
const isoDate = z.iso.date();

export const pupilIdListSchema = (max: number) => z.array(pupilId).min(1).max(max);
export const upnListSchema = (max: number) => z.array(upn).min(1).max(max);

/** Exactly one list per search: ids or UPNs. */
export const pupilSearchBodySchema = z.union([
  z.object({ ids: pupilIdListSchema(maxIdsPerSearch) }).strict(),
  z.object({ upns: upnListSchema(maxIdsPerSearch) }).strict(),
]);

export const schoolLookupSchema = z.array(urn).min(1).max(maxIdsPerSearch);

export const exclusionBodySchema = z
  .object({
    date: isoDate,
    kind: z.enum(['SUSPENSION', 'PERMANENT']),
    sessions: z.number().int().min(1).max(999),
    /** School census exclusion reason code, e.g. PA, VP, DB. */
    reason: z.string().regex(/^[A-Z]{2,4}$/, 'a school census reason code such as PA'),
    schoolUrn: urn,
  })
  .strict();

export const ehcMilestoneBodySchema = z.discriminatedUnion('milestone', [
  z.object({ milestone: z.literal('REQUEST'), date: isoDate }).strict(),
  z
    .object({ milestone: z.literal('DECISION'), date: isoDate, outcome: z.enum(['Y', 'N', 'W', 'H']) })
    .strict(),
  z.object({ milestone: z.literal('FINAL_PLAN'), date: isoDate }).strict(),
  z.object({ milestone: z.literal('ANNUAL_REVIEW'), date: isoDate, pfaOutcomes: z.boolean() }).strict(),
]);
