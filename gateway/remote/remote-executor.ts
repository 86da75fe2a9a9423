/**
 * Reaching a connector served on its own (connectors/serve-connector.ts) over HTTP. The gateway still plans
 * against the connector's locally built schema — the served side builds the same one — and only execution goes
 * over the wire, so nothing is fetched from the connector at start-up.
 *
 * Each call carries a freshly signed `x-hub-context` for this connector (request and trace ids from the gateway
 * context, and the caller when there is one). Errors come back as the same HubErrors the connector would have
 * thrown in-process, so the gateway formats them identically; a connector that cannot be reached, times out,
 * refuses the context or disagrees about the schema is a DEPENDENCY_UNAVAILABLE naming the connector, and the
 * agency's `…Source` then says UNAVAILABLE.
 */
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { ExecutionRequest, ExecutionResult, Executor } from '@graphql-tools/utils';
import { GraphQLError } from 'graphql';
import { HubError, type HubErrorCode } from '../../platform/errors.js';
import {
  hubContextHeader,
  type HubCaller,
  type HubContextClaims,
  type HubContextSigner,
} from '../../platform/hub-context.js';
import type { Logger } from '../../platform/logger.js';
import { currentContext, newContext, type RequestContext } from '../../platform/request-context.js';

export interface RemoteExecutorOptions {
  /** The connector's GraphQL endpoint, e.g. http://127.0.0.1:4201/graphql */
  url: string;
  /** The audience of the signed context: the connector's name. */
  connectorName: string;
  signer: HubContextSigner;
  /** Whole-call timeout, covering the connector's own upstream retries. */
  timeoutMs: number;
  logger?: Logger;
  /** For tests. */
  fetch?: typeof fetch;
}

/** Codes a served connector reports that mean the same thing to a client as they do in-process. */
const connectorCodes = new Set<HubErrorCode>([
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_PAYLOAD',
  'DEPENDENCY_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  'INTERNAL',
]);

export type RemoteFailure =
  'CONNECTOR_TIMEOUT' | 'CONNECTOR_REFUSED_CONTEXT' | 'CONNECTOR_SCHEMA_MISMATCH' | 'CONNECTOR_UNREACHABLE';

export function createRemoteExecutor(options: RemoteExecutorOptions): Executor {
  const http = buildHTTPExecutor({
    endpoint: options.url,
    timeout: options.timeoutMs,
    // Stitching already batches a request's merged calls; each call is signed for itself.
    deduplicateInflightRequests: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return async (request: ExecutionRequest) => {
    const token = await options.signer.sign(claimsOf(request.context), options.connectorName);
    const result = await http({
      ...request,
      extensions: { ...request.extensions, headers: { [hubContextHeader]: token } },
    });
    if (isAsyncIterable(result)) return result;
    return asHubErrors(result, options);
  };
}

/** The context the gateway signs for one call: the gateway request's ids, and its caller if it has one. */
export function claimsOf(context: unknown): HubContextClaims {
  const gatewayContext = (typeof context === 'object' && context !== null ? context : {}) as {
    request?: Partial<RequestContext>;
    caller?: Partial<HubCaller> | null;
  };
  const request = isRequestContext(gatewayContext.request)
    ? gatewayContext.request
    : (currentContext() ?? newContext());
  const caller = gatewayContext.caller;
  return {
    requestId: request.requestId,
    traceId: request.traceId,
    caller:
      caller &&
      typeof caller.userId === 'string' &&
      typeof caller.role === 'string' &&
      typeof caller.organisation === 'string' &&
      typeof caller.purpose === 'string'
        ? {
            userId: caller.userId,
            role: caller.role,
            organisation: caller.organisation,
            purpose: caller.purpose,
          }
        : null,
  };
}

function isRequestContext(value: Partial<RequestContext> | undefined): value is RequestContext {
  return typeof value?.requestId === 'string' && typeof value.traceId === 'string';
}

function asHubErrors(result: ExecutionResult, options: RemoteExecutorOptions): ExecutionResult {
  if (!result.errors || result.errors.length === 0) return result;
  let failure: RemoteFailure | undefined;
  const errors = result.errors.map((error) => {
    const code = error.extensions?.code;
    let hubError: HubError;
    if (typeof code === 'string' && connectorCodes.has(code as HubErrorCode)) {
      const { code: _code, ...details } = error.extensions;
      hubError = new HubError(code as HubErrorCode, {
        safeMessage: error.message,
        ...(Object.keys(details).length > 0 ? { details } : {}),
      });
    } else {
      const reason = failureOf(error);
      failure ??= reason;
      hubError = new HubError('DEPENDENCY_UNAVAILABLE', {
        safeMessage: 'A part of the hub did not answer; the rest of the answer is unaffected.',
        details: { connector: options.connectorName, reason },
      });
    }
    return new GraphQLError(hubError.safeMessage, {
      ...(error.path ? { path: error.path } : {}),
      extensions: { ...(hubError.details ?? {}), code: hubError.code },
      originalError: hubError,
    });
  });
  if (failure) {
    options.logger?.warn(
      { connector: options.connectorName, reason: failure, url: options.url },
      'remote connector call failed',
    );
  }
  return { ...result, errors };
}

function failureOf(error: GraphQLError): RemoteFailure {
  const code = error.extensions?.code;
  if (
    code === 'TIMEOUT_ERROR' ||
    (error.originalError as { name?: string } | undefined)?.name === 'TimeoutError'
  ) {
    return 'CONNECTOR_TIMEOUT';
  }
  if (code === 'UNAUTHENTICATED') return 'CONNECTOR_REFUSED_CONTEXT';
  if (
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'OPERATION_RESOLUTION_FAILURE'
  ) {
    return 'CONNECTOR_SCHEMA_MISMATCH';
  }
  return 'CONNECTOR_UNREACHABLE';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
