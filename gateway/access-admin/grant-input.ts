/**
 * The checks on a request for a time-boxed grant, before anything is written: the reason must say something (a
 * break-glass without a reason is not reviewable), and the duration is the kind's default, or what was asked for
 * up to the kind's maximum.
 */
import { z } from 'zod';
import { HubError } from '../../platform/errors.js';
import type { AccessGrantKind } from '../audit/access-grants.js';

export interface GrantLimit {
  /** Used when the caller does not say how long. */
  defaultMinutes: number;
  /** A longer request is cut to this. */
  maxMinutes: number;
}

export type GrantLimits = Readonly<Record<AccessGrantKind, GrantLimit>>;

/** startAccessGrant's own ceilings (gateway/audit/access-grants.ts): configuration can lower them, never raise them. */
export const grantCeilingMinutes: Readonly<Record<AccessGrantKind, number>> = {
  SELF_CLAIMED: 8 * 60,
  BREAK_GLASS: 4 * 60,
};

export const defaultGrantLimits: GrantLimits = {
  // A working day: the gap between starting work with a child and an agency recording it.
  SELF_CLAIMED: { defaultMinutes: 8 * 60, maxMinutes: 8 * 60 },
  // An emergency is short; the holder can ask again (and is reviewed again) if it is not over.
  BREAK_GLASS: { defaultMinutes: 60, maxMinutes: 4 * 60 },
};

/** Throws (a programming or configuration error) unless 1 ≤ default ≤ max ≤ ceiling for each kind. */
export function checkGrantLimits(limits: GrantLimits): GrantLimits {
  for (const kind of ['SELF_CLAIMED', 'BREAK_GLASS'] as const) {
    const { defaultMinutes, maxMinutes } = limits[kind];
    const ok =
      Number.isInteger(defaultMinutes) &&
      Number.isInteger(maxMinutes) &&
      defaultMinutes >= 1 &&
      defaultMinutes <= maxMinutes &&
      maxMinutes <= grantCeilingMinutes[kind];
    if (!ok)
      throw new Error(
        `grant limits for ${kind}: need 1 ≤ defaultMinutes ≤ maxMinutes ≤ ${grantCeilingMinutes[kind]}`,
      );
  }
  return limits;
}

export const minReasonLength = 10;
export const maxReasonLength = 2000;

const reasonSchema = z
  .string()
  .transform((value) => value.trim())
  .refine((value) => value.length >= minReasonLength, `at least ${minReasonLength} characters`)
  .refine((value) => value.length <= maxReasonLength, `at most ${maxReasonLength} characters`)
  // "..........", "- - - - - -": long enough, but says nothing a reviewer could check.
  .refine((value) => /[\p{L}\p{N}]/u.test(value), 'must contain words, not only punctuation')
  .refine(
    (value) => !value.includes('\u0000') && !/\p{Cs}/u.test(value),
    'contains characters that cannot be stored',
  );

/** The trimmed reason, or VALIDATION_FAILED naming the rule broken (never echoing the text). */
export function parseGrantReason(reason: string): string {
  const parsed = reasonSchema.safeParse(reason);
  if (parsed.success) return parsed.data;
  throw new HubError('VALIDATION_FAILED', {
    safeMessage: `The reason must say why you need access: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
    details: { field: 'reason' },
  });
}

/** The grant's length in minutes: the default when not given, cut to the maximum when longer. */
export function grantMinutes(requested: number | null | undefined, limit: GrantLimit): number {
  if (requested === null || requested === undefined) return limit.defaultMinutes;
  if (!Number.isInteger(requested) || requested < 1)
    throw new HubError('VALIDATION_FAILED', {
      safeMessage: 'minutes must be a whole number of at least 1.',
      details: { field: 'minutes' },
    });
  return Math.min(requested, limit.maxMinutes);
}
