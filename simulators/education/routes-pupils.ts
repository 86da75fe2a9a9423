import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseRequest } from '../kit/json-errors.js';
import { parseIdList } from '../kit/id-list.js';
import type { EducationRecord } from '../population/model.js';
import type { EducationContext } from './education-context.js';
import { educationBasePath } from './education-context.js';
import { normaliseUpn } from './upn.js';
import { toPupilView } from './pupil-view.js';
import { maxIdsPerGet, pupilIdListSchema, pupilSearchBodySchema, upnListSchema } from './request-schemas.js';

type Lookup = { by: 'id'; keys: string[] } | { by: 'upn'; keys: string[] };

function answer(context: EducationContext, lookup: Lookup) {
  const records =
    lookup.by === 'id' ? context.store.findByPupilIds(lookup.keys) : context.store.findByUpns(lookup.keys);
  const matched = new Set(
    records.map((record) => (lookup.by === 'id' ? record.pupilId : normaliseUpn(record.identity.upn ?? ''))),
  );
  const keyOf = (key: string) => (lookup.by === 'id' ? key : normaliseUpn(key));
  return {
    pupils: records.map((record: EducationRecord) => toPupilView(record, context)),
    notFound: lookup.keys.filter((key) => !matched.has(keyOf(key))),
  };
}

const querySchema = z.object({ id: z.unknown().optional(), upn: z.unknown().optional() });
const pupilParamsSchema = z.object({ pupilId: z.string().min(1).max(64) });

export function registerPupilRoutes(app: FastifyInstance, context: EducationContext): void {
  /** Batch read: `?id=a,b` or `?upn=a,b` (one of them); answers in the order asked, unknown keys in notFound. */
  app.get(`${educationBasePath}/pupils`, async (request) => {
    const query = parseRequest(querySchema, request.query, 'query');
    const ids = parseIdList(query.id);
    const upns = parseIdList(query.upn);
    if (ids.length > 0 === upns.length > 0) {
      throw new HttpProblem(400, 'INVALID_REQUEST', 'Give exactly one of the query parameters id or upn');
    }
    return ids.length > 0
      ? answer(context, { by: 'id', keys: parseRequest(pupilIdListSchema(maxIdsPerGet), ids, 'id list') })
      : answer(context, { by: 'upn', keys: parseRequest(upnListSchema(maxIdsPerGet), upns, 'upn list') });
  });

  /** Batch read for large lists: body `{ "ids": [...] }` or `{ "upns": [...] }`. */
  app.post(`${educationBasePath}/pupils/search`, async (request) => {
    const body = parseRequest(pupilSearchBodySchema, request.body, 'body');
    const keys = [...new Set('ids' in body ? body.ids : body.upns)];
    return answer(context, 'ids' in body ? { by: 'id', keys } : { by: 'upn', keys });
  });

  app.get(`${educationBasePath}/pupils/:pupilId`, async (request) => {
    const { pupilId } = parseRequest(pupilParamsSchema, request.params, 'path');
    const record = context.store.get(pupilId);
    if (!record) throw new HttpProblem(404, 'PUPIL_NOT_FOUND', 'No pupil with that id');
    return { pupil: toPupilView(record, context) };
  });
}
