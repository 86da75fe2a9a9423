/** The generators' options, checked at the boundary (the CLI passes user input straight in). */
import { z } from 'zod';
import type { Population } from '../population/model.js';
import { badKinds, maxRevision } from './feed-types.js';

const population = z.custom<Population>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Population).people) &&
    Array.isArray((value as Population).gp),
  'a generated population',
);

const common = {
  population,
  seed: z.number().int().min(0).max(0xffffffff),
  good: z.number().int().min(0).max(1_000_000),
  bad: z.number().int().min(0).max(1_000_000),
  badKinds: z.array(z.enum(badKinds)).min(1).optional(),
  now: z.iso.datetime({ offset: true }),
  /** 0 for the feed as first sent; +n a newer extract of the good records with changed values, -n an older one. */
  revision: z.number().int().min(-maxRevision).max(maxRevision).default(0),
};

export const schoolFeedOptionsSchema = z
  .object({ ...common, censusDate: z.iso.date() })
  .refine((o) => o.censusDate <= o.now.slice(0, 10), {
    message: 'the census date must not be after now',
    path: ['censusDate'],
  });
export type SchoolFeedOptions = z.input<typeof schoolFeedOptionsSchema>;

export const gpFeedOptionsSchema = z.object({
  ...common,
  bundleType: z.enum(['collection', 'batch', 'transaction']).default('collection'),
  /** Only this practice's patients (its ODS code), as one practice's system would send; all practices when unset. */
  practiceCode: z
    .string()
    .regex(/^[A-Z]\d{5}$/)
    .optional(),
});
export type GpFeedOptions = z.input<typeof gpFeedOptionsSchema>;
