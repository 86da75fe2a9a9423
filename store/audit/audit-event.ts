/**
 * One access-audit event: who (the user's hub id, role and organisation — never a name), why (the purpose they
 * gave), which child, which categories and fields, what happened, and on what basis. Events are validated before
 * they are queued, so one malformed event is refused on its own instead of failing a whole batch.
 */
import { z } from 'zod';

export const auditOutcomes = ['ALLOWED', 'DENIED', 'PARTIAL', 'REJECTED'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** The basis an access rested on: a recorded relationship, a time-boxed grant, the hub itself, or none. */
export const auditGrantKinds = ['RELATIONSHIP', 'SELF_CLAIMED', 'BREAK_GLASS', 'SYSTEM', 'NONE'] as const;
export type AuditGrantKind = (typeof auditGrantKinds)[number];

export interface AuditEvent {
  /** When the access happened; the time record() is called when absent. Stored to the millisecond. */
  occurredAt?: Date;
  requestId: string;
  userId: string;
  role: string;
  organisation: string;
  purpose: string;
  /** Null only for a request that was denied or rejected before it touched a child. */
  childId: string | null;
  /** Data categories released (or asked for, when denied), e.g. "health.immunisations". */
  categories: readonly string[];
  /** Field paths released (or asked for). */
  fields: readonly string[];
  outcome: AuditOutcome;
  /** A short code or explanation — no personal data. */
  reason: string | null;
  grant: AuditGrantKind;
  /** The access_grants row, for SELF_CLAIMED and BREAK_GLASS access. */
  grantId?: string | null;
}

/** An event as it is stored and hashed: every field present, the time as microsecond UTC text. */
export interface CanonicalAuditEvent {
  occurredAt: string;
  requestId: string;
  userId: string;
  role: string;
  organisation: string;
  purpose: string;
  childId: string | null;
  categories: string[];
  fields: string[];
  outcome: AuditOutcome;
  reason: string | null;
  grant: AuditGrantKind;
  grantId: string | null;
}

/** A stored row: the canonical event plus its place in the chain. Ids are decimal strings (bigint). */
export interface AuditRecord extends CanonicalAuditEvent {
  id: string;
  prevHash: string;
  hash: string;
}

// Text PostgreSQL stores exactly as given: no NUL, no unpaired UTF-16 surrogate (either would come back different
// from what was hashed, and the chain would look broken).
const storable = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !value.includes('\u0000') && !/\p{Cs}/u.test(value), 'contains unstorable characters');
const required = (max: number) => storable(max).refine((value) => value.trim() !== '', 'must not be blank');

const eventSchema = z
  .object({
    occurredAt: z
      .date()
      .refine((date) => date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 9999, 'out of range')
      .optional(),
    requestId: required(128),
    userId: required(256),
    role: required(128),
    organisation: required(256),
    purpose: required(256),
    childId: required(128).nullable(),
    categories: z.array(required(256)).max(1000),
    fields: z.array(required(512)).max(5000),
    outcome: z.enum(auditOutcomes),
    reason: storable(1000).nullable(),
    grant: z.enum(auditGrantKinds),
    grantId: z
      .string()
      .regex(/^[1-9]\d{0,18}$/, 'a positive integer id')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((event) => event.childId !== null || event.outcome === 'DENIED' || event.outcome === 'REJECTED', {
    message: 'childId may be null only for a DENIED or REJECTED request',
    path: ['childId'],
  });

/** Microsecond UTC text, the form the database stores and the hash covers: 2026-01-02T03:04:05.678000Z. */
export function canonicalTimestamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 23)}000Z`;
}

/**
 * Validates an event and puts it in canonical form. Throws a plain Error naming the problem fields (never their
 * values), for the caller to wrap.
 */
export function toCanonicalEvent(event: AuditEvent, now: () => Date = () => new Date()): CanonicalAuditEvent {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'event'))];
    throw new Error(`invalid audit event (${fields.join(', ')})`);
  }
  const valid = parsed.data;
  return {
    occurredAt: canonicalTimestamp(valid.occurredAt ?? now()),
    requestId: valid.requestId,
    userId: valid.userId,
    role: valid.role,
    organisation: valid.organisation,
    purpose: valid.purpose,
    childId: valid.childId,
    categories: [...valid.categories],
    fields: [...valid.fields],
    outcome: valid.outcome,
    reason: valid.reason,
    grant: valid.grant,
    grantId: valid.grantId ?? null,
  };
}
