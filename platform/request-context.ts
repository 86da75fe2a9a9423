/**
 * Request and trace ids carried through async work (HTTP requests, GraphQL resolvers, jobs) without passing
 * them by hand, so every log line of one piece of work can be found together.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  traceId: string;
  jobId?: string;
  queue?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** A context for a new unit of work; a W3C traceparent or an incoming id continues an existing trace. */
export function newContext(
  incoming: { traceparent?: string | undefined; requestId?: string | undefined } = {},
): RequestContext {
  const traceFromParent = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(
    incoming.traceparent ?? '',
  )?.[1];
  const requestId =
    incoming.requestId && /^[\w-]{1,64}$/.test(incoming.requestId) ? incoming.requestId : randomUUID();
  return { requestId, traceId: traceFromParent ?? randomUUID().replaceAll('-', '') };
}
