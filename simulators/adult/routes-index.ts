import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseRequest } from '../kit/json-errors.js';
import type { AdultContext } from './adult-context.js';
import { adultBasePath } from './adult-context.js';

/** Most people one index page may carry. */
export const maxIndexPageSize = 1000;
const defaultIndexPageSize = 100;

const indexQuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(maxIndexPageSize).default(defaultIndexPageSize),
});

/** Cursors are opaque to callers: the store position of the next record, base64url-encoded. */
export function encodeIndexCursor(offset: number): string {
  return Buffer.from(`p${offset}`).toString('base64url');
}

function decodeIndexCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^p(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new HttpProblem(400, 'INVALID_CURSOR', 'The cursor is not one this system issued');
  return Number(match[1]);
}

/**
 * The identity listing: every person record (duplicates and records opened by intake included) with only what
 * identity matching needs, in a stable order, a page at a time. `next` is null on the last page.
 */
export function registerIndexRoutes(app: FastifyInstance, context: AdultContext): void {
  app.get(`${adultBasePath}/people/index`, async (request) => {
    const query = parseRequest(indexQuerySchema, request.query, 'query');
    const offset = decodeIndexCursor(query.cursor);
    const records = context.store.listPage(offset, query.limit);
    const end = offset + records.length;
    return {
      people: records.map((record) => ({
        id: record.personId,
        nhsNumber: record.identity.nhsNumber,
        upn: record.identity.upn,
        givenName: record.identity.givenName,
        familyName: record.identity.familyName,
        sex: record.identity.sex,
        dateOfBirth: record.identity.dateOfBirth,
        postcode: record.identity.postcode,
      })),
      next: records.length === query.limit && end < context.store.size ? encodeIndexCursor(end) : null,
    };
  });
}
