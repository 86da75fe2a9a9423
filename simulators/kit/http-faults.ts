import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultController } from './faults.js';

export interface HttpFaultOptions {
  /** The agency's own error body, used for `error` (500), `down` (503) and an expired `timeout` (504). */
  errorBody: () => unknown;
  /** A syntactically valid but schema-invalid body in place of what the route at `requestUrl` would have sent. */
  malformedBody: (requestUrl: string) => unknown;
  /**
   * How long a `timeout` request is held before the simulator gives up with 504 (if the client is still there).
   * Real clients time out long before the default; tests set it short.
   */
  timeoutHoldMs?: number;
}

const defaultTimeoutHoldMs = 120_000;

export function isAdminUrl(url: string): boolean {
  return url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when the client goes away or after `holdMs`, whichever is first; true if the client went away. */
function holdUntilClientLeaves(reply: FastifyReply, holdMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      reply.raw.off('close', onClose);
      resolve(false);
    }, holdMs);
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    reply.raw.once('close', onClose);
  });
}

/**
 * Applies the controller to every request outside /admin: latency + jitter first, then the decided fault.
 * Register it on the root instance (its hooks then cover every route, whenever added); register
 * countHttpRequests first so faulted requests are counted too.
 */
export function applyHttpFaults(
  app: FastifyInstance,
  faults: FaultController,
  options: HttpFaultOptions,
): void {
  const malformedRequests = new WeakSet<FastifyRequest>();
  const timeoutHoldMs = options.timeoutHoldMs ?? defaultTimeoutHoldMs;

  app.addHook('onRequest', async (request, reply) => {
    if (isAdminUrl(request.url)) return;
    const { delayMs, action } = faults.decide();
    if (delayMs > 0) await sleep(delayMs);
    switch (action) {
      case 'ok':
        return;
      case 'down':
        return reply.code(503).header('retry-after', '30').send(options.errorBody());
      case 'error':
        return reply.code(500).send(options.errorBody());
      case 'timeout': {
        const clientLeft = await holdUntilClientLeaves(reply, timeoutHoldMs);
        if (clientLeft || reply.raw.destroyed) {
          // Nobody to answer: stop the lifecycle without running the handler.
          reply.hijack();
          if (!reply.raw.writableEnded) reply.raw.end();
          return reply;
        }
        return reply.code(504).send(options.errorBody());
      }
      case 'malformed':
        malformedRequests.add(request);
        return;
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!malformedRequests.has(request)) return payload;
    malformedRequests.delete(request);
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (!contentType.includes('json')) reply.header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(options.malformedBody(request.url));
  });
}
