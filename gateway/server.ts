/**
 * Builds the gateway's HTTP server without listening: /graphql (Apollo Server), /healthz, /readyz, /metrics.
 * main.ts and the tests both use this, so what is tested is what runs.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { toHttpError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { PlatformConfig } from '../platform/platform-config.js';
import { newContext, runWithContext, type RequestContext } from '../platform/request-context.js';
import { AccessSession } from './access/access-session.js';
import { accessAuditPlugin } from './access/audit-plugin.js';
import { authenticate, type GatewayAccess } from './access/gateway-access.js';
import type { GatewayContext } from './access/gateway-context.js';
import type { Caller } from './auth/policy.js';
import { parseConfig } from '../platform/config.js';
import { formatGraphQLError } from './format-error.js';
import {
  createOperationLimits,
  createPersistedQueryPlugin,
  hardeningConfigSection,
  loadPersistedQueryManifest,
  type HardeningConfig,
} from './hardening/index.js';
import { deduplicateErrorsPlugin } from './plugins/deduplicate-errors.js';
import type { GatewayConfig } from './gateway-config.js';
import { createJitGateway } from './jit-executor.js';
import { createGatewayMetrics } from './metrics.js';
import { runReadinessChecks, type ReadinessCheck } from './readiness.js';

export type { GatewayContext } from './access/gateway-context.js';

export interface GatewayDeps {
  config: GatewayConfig;
  nodeEnv: PlatformConfig['nodeEnv'];
  logger: Logger;
  /** The schema, or a promise of it: the server listens (liveness, readiness) while agencies are still starting. */
  schema: GraphQLSchema | Promise<GraphQLSchema>;
  readinessChecks: readonly ReadinessCheck[];
  /** Who is calling, what they may see, and the audit of it: every /graphql request goes through it. */
  access: GatewayAccess;
  /**
   * Operation limits, field suggestions and the persisted-query allow-list (gateway/hardening/). Default: the
   * measured default limits, so a gateway is never built without them.
   */
  hardening?: Pick<HardeningConfig, 'limits' | 'fieldSuggestions' | 'persistedQueries'>;
  /**
   * How operations are executed: 'graphql-js' (default), or 'jit', which compiles each operation once with
   * graphql-jit (bounded cache). jit speeds up plain schemas but not the stitched child view, whose every field
   * has a merging resolver: `npm run bench -- child-view` measured 4-15% more CPU per 100-child page with it, and
   * no steady gain for one child.
   */
  executor?: 'graphql-js' | 'jit';
  /** More routes (agency webhooks, feeds), registered on the same server. */
  routes?: ReadonlyArray<(app: FastifyInstance) => void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    hubContext: RequestContext;
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** Settles once /graphql answers (the schema stitched and Apollo started), or the schema failed. */
    graphqlReady: Promise<void>;
  }
}

export async function buildGateway(deps: GatewayDeps): Promise<FastifyInstance> {
  const { config, logger } = deps;
  const metrics = createGatewayMetrics();
  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    // Connections are closed on shutdown after in-flight requests finish (Fastify 5 default), bounded by the lifecycle.
    return503OnClosing: true,
  });

  app.decorateRequest('hubContext', null as unknown as RequestContext);
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request, reply) => {
    // The request id is the gateway's own, never the client's: the access audit keys one event per (request,
    // child) on it, and a client reusing one id across requests must not be able to merge their trails. A
    // client's trace is continued through traceparent.
    request.hubContext = newContext({ traceparent: headerValue(request, 'traceparent') });
    void reply.header('x-request-id', request.hubContext.requestId);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe(
      { route, method: request.method, status: String(reply.statusCode) },
      seconds,
    );
    runWithContext(request.hubContext, () =>
      logger.info(
        { route, method: request.method, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'http',
      ),
    );
  });
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: 'BAD_REQUEST', message: 'The request is malformed.' } });
    }
    runWithContext(request.hubContext, () => logger.error({ err: error }, 'unhandled request error'));
    const { status: httpStatus, body } = toHttpError(error);
    return reply.status(httpStatus).send(body);
  });

  // Registered now: Fastify takes no hooks once it is listening, and Apollo may start later than that.
  let startedApollo: ApolloServer<GatewayContext> | undefined;
  app.addHook('onClose', async () => {
    await startedApollo?.stop();
  });
  const hardening = deps.hardening ?? parseConfig({ hardening: hardeningConfigSection }, {}).hardening;
  const limits = createOperationLimits(hardening, deps.nodeEnv);
  const allowList =
    hardening.persistedQueries.mode === 'allow-list' && hardening.persistedQueries.file !== undefined
      ? [createPersistedQueryPlugin(await loadPersistedQueryManifest(hardening.persistedQueries.file))]
      : [];
  const startApollo = async (schema: GraphQLSchema) => {
    const apollo = new ApolloServer<GatewayContext>({
      ...(deps.executor === 'jit' ? { gateway: createJitGateway(schema) } : { schema }),
      introspection: config.introspection ?? deps.nodeEnv !== 'production',
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // The hub's lifecycle owns signals; Apollo's own handler would stop and re-raise SIGTERM mid-shutdown.
      stopOnTerminationSignals: false,
      formatError: formatGraphQLError,
      // No Apollo drain plugin: fastify.close() drains HTTP and then stops Apollo (the plugin would close fastify
      // from inside Apollo's stop, and each would wait for the other).
      plugins: [
        ...allowList,
        ApolloServerPluginCacheControlDisabled(),
        deduplicateErrorsPlugin,
        accessAuditPlugin({
          audit: deps.access.audit,
          now: deps.access.now,
          ...(deps.access.onAudited ? { onAudited: deps.access.onAudited } : {}),
        }),
        ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
      ],
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: unknown) => logger.warn({ source: 'apollo' }, String(message)),
        error: (message: unknown) => logger.error({ source: 'apollo' }, String(message)),
      },
    });
    await apollo.start();
    startedApollo = apollo;
    return fastifyApolloHandler(apollo, {
      context: async (request): Promise<GatewayContext> => {
        // authenticate() ran in the route handler; a request without a caller never gets here.
        const caller = request.caller as Caller;
        return {
          request: request.hubContext,
          caller,
          access: new AccessSession({
            caller,
            requestId: request.hubContext.requestId,
            decider: deps.access.decider,
          }),
        };
      },
    });
  };

  // Until the schema exists (agencies still starting), /graphql answers 503 and /readyz says not ready.
  let graphqlHandler: Awaited<ReturnType<typeof startApollo>> | null = null;
  let graphqlReady: Promise<void>;
  if (deps.schema instanceof Promise) {
    graphqlReady = deps.schema.then(startApollo).then(
      (handler) => void (graphqlHandler = handler),
      (error: unknown) => logger.error({ err: error }, 'the GraphQL schema could not be built'),
    );
  } else {
    graphqlHandler = await startApollo(deps.schema);
    graphqlReady = Promise.resolve();
  }
  app.decorate('graphqlReady', graphqlReady);
  const readinessChecks: ReadinessCheck[] = [
    {
      name: 'graphql',
      kind: 'gateway',
      critical: true,
      check: async () => {
        if (!graphqlHandler) throw Object.assign(new Error('starting'), { code: 'STARTING' });
      },
    },
  ];
  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    async handler(request, reply) {
      const handler = graphqlHandler;
      if (!handler) {
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({
            errors: [{ message: 'The hub is starting.', extensions: { code: 'DEPENDENCY_UNAVAILABLE' } }],
          });
      }
      if (request.method !== 'OPTIONS') {
        const caller = await authenticate(deps.access, request, reply);
        if (caller === null) return reply;
        request.caller = caller;
      }
      return runWithContext(request.hubContext, () => handler.call(this, request, reply));
    },
  });

  for (const register of deps.routes ?? []) register(app);

  const publicJwks = deps.access.publicJwks;
  if (publicJwks) app.get('/.well-known/jwks.json', async () => publicJwks);

  app.get('/healthz', async () => ({ status: 'alive' }));
  app.get('/readyz', async (_request, reply) => {
    const report = await runReadinessChecks([...readinessChecks, ...deps.readinessChecks]);
    return reply.status(report.status === 'not_ready' ? 503 : 200).send(report);
  });
  app.get('/metrics', async (_request, reply) => {
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return app;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
