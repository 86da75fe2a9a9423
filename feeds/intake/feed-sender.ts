/**
 * The sender a feed client declares (header x-feed-sender): a GP practice's ODS code for GP feeds, a school's URN
 * for school feeds. Only its shape is checked here; that a client may speak for the sender is the access policy's
 * business, not intake's.
 */
import { z } from 'zod';
import type { FeedKind } from './feed-record.js';
import { FeedRefusal } from './feed-refusal.js';

const odsCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3,10}$/);
const schoolUrn = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

const senderByKind: Record<FeedKind, z.ZodType<string, string>> = { GP_FHIR: odsCode, SCHOOL_CSV: schoolUrn };

/** The declared sender, normalised, or null when none was declared; a malformed one is refused. */
export function parseFeedSender(kind: FeedKind, raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const parsed = senderByKind[kind].safeParse(raw);
  if (!parsed.success) throw new FeedRefusal('BAD_SENDER');
  return parsed.data;
}
