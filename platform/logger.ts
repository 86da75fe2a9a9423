/**
 * The hub's logger: pino, JSON lines, with request/trace ids from the async context on every line and personal
 * data redacted before anything is written (see redaction.ts).
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { capturingOutput } from './log-capture.js';
import { currentContext } from './request-context.js';
import { redactValue, scrubString } from './redaction.js';
import type { PlatformConfig } from './platform-config.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level: PlatformConfig['logLevel'];
  /** Where lines go; stdout by default. Tests pass a capturing stream. */
  destination?: DestinationStream;
}

export function createLogger({ service, level, destination }: LoggerOptions): Logger {
  // Only when CVH_LOG_CAPTURE_DIR is set (the test suite's log audit): see log-capture.ts.
  const capturing = capturingOutput(level, destination);
  return pino(
    {
      level: capturing?.level ?? level,
      base: { service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      // Fixed paths first (cheap, and catches headers even if the deep pass changes), then the deep pass.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.authorization'],
        censor: '[redacted]',
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactValue(object) as Record<string, unknown>,
      },
      serializers: { err: (error: unknown) => redactValue(error) },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubString(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      mixin: () => {
        const context = currentContext();
        return context ? { ...context } : {};
      },
    },
    capturing?.stream ?? destination,
  );
}
