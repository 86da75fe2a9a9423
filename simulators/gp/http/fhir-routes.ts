import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { GpRepository } from '../data/gp-repository.js';
import { FhirError, operationOutcome } from '../fhir/operation-outcome.js';
import type { GpResourceType } from '../fhir/resource-types.js';
import { isGpResourceType } from '../fhir/resource-types.js';
import { executeSearch } from '../search/execute-search.js';
import type { PagingLimits } from '../search/parse-search.js';
import { parseSearch } from '../search/parse-search.js';
import type { Handling } from '../search/search-request.js';
import { searchSetBundle } from './bundle.js';
import { capabilityStatement } from './capability-statement.js';
import { fhirJsonContentType, handlingPreference, requireJsonAcceptable } from './content-negotiation.js';

export interface FhirRouteOptions {
  repository: GpRepository;
  /** Public base URL ending in /fhir; derived from each request's Host header when absent. */
  baseUrl?: string;
  defaultHandling: Handling;
  paging: PagingLimits;
  now: () => Date;
}

interface TypeParams {
  type: string;
}

interface ReadParams extends TypeParams {
  id: string;
}

const searchFormSchema = z.string().optional();

function queryPairs(url: string): Array<[string, string]> {
  return [...new URL(url, 'http://simulator.invalid').searchParams.entries()];
}

function resourceType(type: string): GpResourceType {
  if (!isGpResourceType(type))
    throw new FhirError(404, 'not-supported', `Resource type "${type}" is not supported.`);
  return type;
}

function statusOf(error: FastifyError | Error): number {
  const status = 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** The FHIR R4 REST API (read, search, capabilities) under the prefix it is registered with (`/fhir`). */
export function fhirRoutes(options: FhirRouteOptions): FastifyPluginAsync {
  const { repository, paging, defaultHandling } = options;

  return async (fhir) => {
    const baseUrl = (request: FastifyRequest): string =>
      options.baseUrl ?? `${request.protocol}://${request.host}/fhir`;

    const search = (request: FastifyRequest, type: string, parameters: Array<[string, string]>) => {
      const prefer = request.headers.prefer;
      const handling = handlingPreference(Array.isArray(prefer) ? prefer.join(',') : prefer, defaultHandling);
      const parsed = parseSearch(resourceType(type), parameters, handling, paging);
      return searchSetBundle(baseUrl(request), parsed, executeSearch(repository, parsed), options.now());
    };

    fhir.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
    // Accepted so that a FHIR create or update reaches the 405 answer instead of a media-type error.
    fhir.addContentTypeParser(
      ['application/fhir+json', 'application/json+fhir'],
      { parseAs: 'string' },
      (_request, body, done) => {
        try {
          done(null, JSON.parse(String(body)));
        } catch {
          done(new FhirError(400, 'invalid', 'The body is not valid JSON.'), undefined);
        }
      },
    );

    // Every answer under /fhir is FHIR JSON, including the fault layer's error and malformed bodies.
    fhir.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-type', fhirJsonContentType);
      return payload;
    });

    fhir.addHook('preHandler', async (request) => {
      const format = new URL(request.url, 'http://simulator.invalid').searchParams.get('_format');
      requireJsonAcceptable(request.headers.accept, format);
    });

    fhir.setErrorHandler(async (error: FastifyError | Error, request, reply) => {
      if (error instanceof FhirError) return reply.code(error.status).send(error.toOperationOutcome());
      const status = statusOf(error);
      if (status >= 500) request.log.error({ err: error }, 'FHIR request failed');
      const diagnostics = status >= 500 ? 'Internal error in the GP system.' : error.message;
      return reply
        .code(status)
        .send(
          operationOutcome({ severity: 'error', code: status >= 500 ? 'exception' : 'invalid', diagnostics }),
        );
    });

    fhir.setNotFoundHandler(async (request, reply) =>
      reply.code(404).send(
        operationOutcome({
          severity: 'error',
          code: 'not-found',
          diagnostics: `No FHIR interaction at ${request.method} ${new URL(request.url, 'http://x').pathname}.`,
        }),
      ),
    );

    fhir.get('/metadata', async (request) =>
      capabilityStatement({ baseUrl: baseUrl(request), date: repository.context.lastUpdated, paging }),
    );

    fhir.get<{ Params: TypeParams }>('/:type', async (request) =>
      search(request, request.params.type, queryPairs(request.url)),
    );

    fhir.post<{ Params: TypeParams }>('/:type/_search', async (request) => {
      const form = searchFormSchema.safeParse(request.body);
      if (!form.success) {
        throw new FhirError(
          415,
          'not-supported',
          'POST _search takes an application/x-www-form-urlencoded body.',
        );
      }
      const parameters = [...queryPairs(request.url), ...new URLSearchParams(form.data ?? '').entries()];
      return search(request, request.params.type, parameters);
    });

    fhir.get<{ Params: ReadParams }>('/:type/:id', async (request, reply: FastifyReply) => {
      const type = resourceType(request.params.type);
      const resource = repository.read(type, request.params.id);
      if (!resource) throw new FhirError(404, 'not-found', `${type}/${request.params.id} is not known.`);
      const lastUpdated = resource.meta?.lastUpdated;
      reply.header('etag', `W/"${resource.meta?.versionId ?? '1'}"`);
      if (lastUpdated !== undefined) reply.header('last-modified', new Date(lastUpdated).toUTCString());
      return resource;
    });

    const readOnly = async (): Promise<never> => {
      throw new FhirError(405, 'not-supported', 'This GP system is read-only over FHIR.');
    };
    fhir.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/:type', handler: readOnly });
    fhir.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/:type/:id', handler: readOnly });
  };
}
