import type { FastifyServerOptions } from 'fastify';

/**
 * Logger options for a runnable simulator. Query strings carry UPNs and NHS numbers (`?upn=…`), so requests are
 * logged by path only; bodies and headers are never logged.
 */
export function simulatorLoggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
      }),
    },
  };
}
