import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { prettifyError } from 'zod';

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** A failure with a status and a stable machine code; handlers throw it, the error handler renders it. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a request part with zod or throws a 400 naming what was wrong. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown, part: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new HttpProblem(400, 'INVALID_REQUEST', `Invalid ${part}: ${prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Every error leaves as `{ error: { code, message } }`: our own problems, fastify's 4xx (bad JSON, body too
 * large, wrong media type), unknown routes, and anything unexpected as a 500 that reveals nothing internal.
 */
export function registerJsonErrors(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );

  app.setErrorHandler(async (error: FastifyError | HttpProblem, request, reply) => {
    if (error instanceof HttpProblem)
      return reply.code(error.statusCode).send(errorBody(error.code, error.message));
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(errorBody(error.code ?? 'BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL', 'Internal error'));
  });
}
