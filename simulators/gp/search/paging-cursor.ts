import { z } from 'zod';
import { invalidRequest } from '../fhir/operation-outcome.js';

/**
 * The `_cursor` of a next link: an opaque, URL-safe token naming the last id of the previous page. Results are
 * ordered by id, so the next page is "ids after this one" — stable even if resources are added between pages.
 */
const cursorSchema = z.object({ t: z.string().min(1), a: z.string().min(1) }).strict();

export function encodeCursor(type: string, afterId: string): string {
  return Buffer.from(JSON.stringify({ t: type, a: afterId }), 'utf8').toString('base64url');
}

/** The id to continue after; a cursor from another resource type's search is rejected. */
export function decodeCursor(cursor: string, type: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidRequest('The paging cursor is not one this server issued.');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.t !== type)
    throw invalidRequest('The paging cursor is not one this server issued.');
  return result.data.a;
}
