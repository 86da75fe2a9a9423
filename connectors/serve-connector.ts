/**
 * Serves one connector on its own: its executable subschema at POST /graphql, plus /healthz and /readyz. The
 * gateway reaches it through an HTTP executor (gateway/remote/) instead of calling it in-process, and plans against
 * the same schema either way, so neither side cares which mode it is in.
 *
 * Every GraphQL call must carry the gateway-signed context (`x-hub-context`, see platform/hub-context.ts) with
 * this connector's name as its audience. Without a valid one the call is refused with 401 before the body is read
 * and no resolver runs. The verified context is the GraphQL context: `context.hub` ({ requestId, traceId, caller }),
 * and, as in-process, `context.request` and `context.caller` (when there is one). A new context object per request
 * keeps the connector's per-request dataloaders per request.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
} from 'graphql';
import { z } from 'zod';
import { defineConfigSection, envInt } from '../platform/config.js';
import { isHubError } from '../platform/errors.js';
import {
  HubContextError,
  hubContextHeader,
  minHubContextSecretLength,
  type HubCaller,
  type HubContextVerifier,
  type VerifiedHubContext,
} from '../platform/hub-context.js';
import type { Logger } from '../platform/logger.js';
import { runWithContext, type RequestContext } from '../platform/request-context.js';
import type { Connector } from './connector.js';

/** What a served connector's resolvers receive as their GraphQL context. */
export interface ServedConnectorContext {
  hub: { requestId: string; traceId: string; caller: HubCaller | null };
  request: RequestContext;
  caller?: HubCaller;
}

export interface ConnectorServerOptions {
  contextVerifier: HubContextVerifier;
  logger: Logger;
  /** Largest accepted request body (the gateway's merged queries are small; a page of keys is a few kB). */
  bodyLimitBytes?: number;
  /** How long /readyz waits for the agency's system. */
  pingTimeoutMs?: number;
}

export interface ServeConnectorOptions extends ConnectorServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface ServedConnector {
  app: FastifyInstance;
  /** Base URL, e.g. http://127.0.0.1:4201 */
  url: string;
  /** What the gateway's CONNECTOR_URLS names, e.g. http://127.0.0.1:4201/graphql */
  graphqlUrl: string;
  close(): Promise<void>;
}

export interface ConnectorServeConfig {
  host: string;
  port: number;
  contextSecret: string;
}

/** The serve-only settings of `connectors/serve-main.ts` (the connector's own section is parsed alongside). */
export const connectorServeConfigSection = defineConfigSection(
  'serve',
  {
    CONNECTOR_HOST: z.string().default('127.0.0.1'),
    CONNECTOR_PORT: envInt(4200, { min: 0, max: 65535 }),
    CONNECTOR_CONTEXT_SECRET: z
      .string({ message: 'required: the secret the gateway signs x-hub-context with' })
      .min(minHubContextSecretLength, `at least ${minHubContextSecretLength} characters`),
  },
  (env): ConnectorServeConfig => ({
    host: env.CONNECTOR_HOST,
    port: env.CONNECTOR_PORT,
    contextSecret: env.CONNECTOR_CONTEXT_SECRET,
  }),
);

/** Builds and starts the server; `close()` stops it (the connector itself is closed by whoever created it). */
export async function serveConnector(
  connector: Connector,
  options: ServeConnectorOptions,
): Promise<ServedConnector> {
  const app = buildConnectorServer(connector, options);
  const url = await app.listen({ host: options.host, port: options.port });
  return { app, url, graphqlUrl: `${url}/graphql`, close: () => app.close() };
}

const requestBodySchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

/** The most distinct validated documents kept: the gateway sends a handful of query shapes over and over. */
const documentCacheSize = 500;

/** The server without listening (tests inject requests into it). */
export function buildConnectorServer(connector: Connector, options: ConnectorServerOptions): FastifyInstance {
  const { logger, contextVerifier } = options;
  const pingTimeoutMs = options.pingTimeoutMs ?? 2000;
  const verified = new WeakMap<FastifyRequest, VerifiedHubContext>();
  const documents = new Map<string, DocumentNode>();
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    return503OnClosing: true,
  });

  // One line per call, carrying the gateway's request and trace ids once verified, as the gateway's own log does.
  app.addHook('onResponse', async (request, reply) => {
    const hub = verified.get(request);
    const line = () =>
      logger.info(
        {
          connector: connector.name,
          route: request.routeOptions.url ?? 'unmatched',
          method: request.method,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'http',
      );
    if (hub) runWithContext({ requestId: hub.requestId, traceId: hub.traceId }, line);
    else line();
  });

  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send(errorBody('The request is malformed.', 'BAD_REQUEST'));
    }
    logger.error({ err: error, connector: connector.name }, 'connector server error');
    return reply.status(500).send(errorBody('Something went wrong.', 'INTERNAL'));
  });

  app.route({
    method: 'POST',
    url: '/graphql',
    // Before the body is read: an unsigned call costs no parsing and reaches no resolver.
    onRequest: async (request, reply) => {
      try {
        verified.set(
          request,
          await contextVerifier.verify(headerValue(request, hubContextHeader), connector.name),
        );
      } catch (error) {
        const refusal = error instanceof HubContextError ? error : new HubContextError('malformed', error);
        logger.warn(
          { connector: connector.name, reason: refusal.reason },
          'refused a GraphQL call without a valid gateway-signed context',
        );
        return reply.status(401).send(errorBody(refusal.safeMessage, 'UNAUTHENTICATED'));
      }
    },
    handler: async (request, reply) => {
      const hub = verified.get(request);
      if (!hub) return reply.status(401).send(errorBody('Unauthenticated.', 'UNAUTHENTICATED'));
      const body = requestBodySchema.safeParse(request.body);
      if (!body.success) return reply.status(400).send(errorBody('The request is malformed.', 'BAD_REQUEST'));
      const { query, variables, operationName } = body.data;

      const document = documentFor(query, reply);
      if (!document) return reply;
      const operation = getOperationAST(document, operationName ?? undefined);
      if (!operation || operation.operation === 'subscription') {
        return reply
          .status(400)
          .send(errorBody('Send one query or mutation operation.', 'OPERATION_RESOLUTION_FAILURE'));
      }

      const requestContext: RequestContext = { requestId: hub.requestId, traceId: hub.traceId };
      const contextValue: ServedConnectorContext = {
        hub: { requestId: hub.requestId, traceId: hub.traceId, caller: hub.caller },
        request: requestContext,
        ...(hub.caller ? { caller: hub.caller } : {}),
      };
      const result = await runWithContext(requestContext, () =>
        execute({
          schema: connector.schema,
          document,
          variableValues: variables ?? {},
          operationName: operationName ?? null,
          contextValue,
        }),
      );
      const errors = result.errors?.map((error) => formatError(error, connector.name, logger));
      return reply.send({ data: result.data ?? null, ...(errors ? { errors } : {}) });
    },
  });

  /** The parsed and validated document; on failure the 400 is sent and undefined returned. */
  function documentFor(query: string, reply: FastifyReply): DocumentNode | undefined {
    const cached = documents.get(query);
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'The query does not parse.';
      void reply.status(400).send(errorBody(message, 'GRAPHQL_PARSE_FAILED'));
      return undefined;
    }
    const invalid = validate(connector.schema, document);
    if (invalid.length > 0) {
      void reply.status(400).send({
        errors: invalid.map((error) => ({
          message: error.message,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        })),
      });
      return undefined;
    }
    if (documents.size >= documentCacheSize) documents.delete(documents.keys().next().value as string);
    documents.set(query, document);
    return document;
  }

  app.get('/healthz', async () => ({ status: 'alive' }));
  app.get('/readyz', async (_request, reply) => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        connector.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), pingTimeoutMs);
        }),
      ]);
      return {
        status: 'ready',
        connector: connector.name,
        latencyMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      const code = isHubError(error)
        ? error.code
        : error instanceof Error && error.message === 'timeout'
          ? 'TIMEOUT'
          : 'UNAVAILABLE';
      return reply.status(503).send({ status: 'not_ready', connector: connector.name, error: code });
    } finally {
      clearTimeout(timer);
    }
  });

  return app;
}

function errorBody(message: string, code: string): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/** A stitched resolver error can be wrapped several times; the HubError underneath decides what is said. */
function originalErrorOf(error: GraphQLError): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current instanceof GraphQLError && current.originalError; depth += 1) {
    current = current.originalError;
  }
  return current;
}

/**
 * What leaves the connector: a HubError's code, safe message and details (which the gateway turns back into the
 * same HubError, so a client sees the same thing in either mode); anything else is INTERNAL and only logged.
 * The path is kept: the gateway needs it to put the error on the right child.
 */
function formatError(error: GraphQLError, connectorName: string, logger: Logger): GraphQLFormattedError {
  const original = originalErrorOf(error);
  const path = error.path === undefined ? {} : { path: error.path };
  if (isHubError(original)) {
    return {
      message: original.safeMessage,
      ...path,
      extensions: { ...(original.details ?? {}), code: original.code },
    };
  }
  logger.error({ err: original, connector: connectorName }, 'connector resolver error');
  return { message: 'Something went wrong.', ...path, extensions: { code: 'INTERNAL' } };
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
