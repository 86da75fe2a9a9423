import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseIdList } from '../kit/id-list.js';
import { HttpProblem, parseRequest } from '../kit/json-errors.js';
import type { EducationContext } from './education-context.js';
import { educationBasePath } from './education-context.js';
import { maxIdsPerGet } from './request-schemas.js';

const urnListSchema = z
  .array(z.string().regex(/^\d{5,8}$/, 'a school URN is 5–8 digits'))
  .min(1)
  .max(maxIdsPerGet);

export function registerSchoolRoutes(app: FastifyInstance, context: EducationContext): void {
  /** `?urn=a,b`: schools in the order asked; URNs the system does not know are listed in notFound. */
  app.get(`${educationBasePath}/schools`, async (request) => {
    const query = request.query as Record<string, unknown>;
    const urns = parseIdList(query['urn']);
    if (urns.length === 0) throw new HttpProblem(400, 'INVALID_REQUEST', 'Give the query parameter urn');
    const wanted = parseRequest(urnListSchema, urns, 'urn list');
    const schools = [];
    const notFound: string[] = [];
    for (const urn of wanted) {
      const school = context.schoolsByUrn.get(urn);
      if (!school) notFound.push(urn);
      else schools.push({ urn, name: school.name, postcode: school.postcode, organisationId: school.id });
    }
    return { schools, notFound };
  });
}
