import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseIdList } from '../kit/id-list.js';
import { HttpProblem, parseRequest } from '../kit/json-errors.js';
import type { AdultContext } from './adult-context.js';
import { adultBasePath } from './adult-context.js';
import { normaliseNhsNumber } from './nhs-number.js';
import { toPersonView } from './person-view.js';

export const maxIdsPerGet = 200;
export const maxIdsPerSearch = 10_000;

const personId = z.string().min(1).max(64);
/** Format only: a number failing modulus 11 is simply not found, as a real system would answer. */
const nhsNumber = z
  .string()
  .transform(normaliseNhsNumber)
  .pipe(z.string().regex(/^\d{10}$/, 'an NHS number is 10 digits'));

const searchBodySchema = z.union([
  z.object({ ids: z.array(personId).min(1).max(maxIdsPerSearch) }).strict(),
  z.object({ nhsNumbers: z.array(nhsNumber).min(1).max(maxIdsPerSearch) }).strict(),
]);
const querySchema = z.object({ id: z.unknown().optional(), nhsNumber: z.unknown().optional() });
const paramsSchema = z.object({ personId });

type Lookup = { by: 'id' | 'nhsNumber'; keys: string[] };

function answer(context: AdultContext, lookup: Lookup) {
  const keys = [...new Set(lookup.keys)];
  const records =
    lookup.by === 'id' ? context.store.findByPersonIds(keys) : context.store.findByNhsNumbers(keys);
  const matched = new Set(
    records.map((record) =>
      lookup.by === 'id' ? record.personId : normaliseNhsNumber(record.identity.nhsNumber ?? ''),
    ),
  );
  return {
    people: records.map((record) => toPersonView(record, context.directory)),
    notFound: keys.filter((key) => !matched.has(key)),
  };
}

export function registerPeopleRoutes(app: FastifyInstance, context: AdultContext): void {
  /** Batch read: `?id=a,b` or `?nhsNumber=a,b` (one of them); in the order asked, unknown keys in notFound. */
  app.get(`${adultBasePath}/people`, async (request) => {
    const query = parseRequest(querySchema, request.query, 'query');
    const ids = parseIdList(query.id);
    const nhsNumbers = parseIdList(query.nhsNumber);
    if (ids.length > 0 === nhsNumbers.length > 0) {
      throw new HttpProblem(
        400,
        'INVALID_REQUEST',
        'Give exactly one of the query parameters id or nhsNumber',
      );
    }
    return ids.length > 0
      ? answer(context, { by: 'id', keys: parseRequest(z.array(personId).max(maxIdsPerGet), ids, 'id list') })
      : answer(context, {
          by: 'nhsNumber',
          keys: parseRequest(z.array(nhsNumber).max(maxIdsPerGet), nhsNumbers, 'nhsNumber list'),
        });
  });

  /** Batch read for large lists: body `{ "ids": [...] }` or `{ "nhsNumbers": [...] }`. */
  app.post(`${adultBasePath}/people/search`, async (request) => {
    const body = parseRequest(searchBodySchema, request.body, 'body');
    return 'ids' in body
      ? answer(context, { by: 'id', keys: body.ids })
      : answer(context, { by: 'nhsNumber', keys: body.nhsNumbers });
  });

  app.get(`${adultBasePath}/people/:personId`, async (request) => {
    const params = parseRequest(paramsSchema, request.params, 'path');
    const record = context.store.get(params.personId);
    if (!record) throw new HttpProblem(404, 'PERSON_NOT_FOUND', 'No person with that id');
    return { person: toPersonView(record, context.directory) };
  });
}
