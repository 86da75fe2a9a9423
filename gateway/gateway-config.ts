import { defineConfigSection, envBoolean, envInt } from '../platform/config.js';
import { z } from 'zod';

export interface GatewayConfig {
  host: string;
  port: number;
  /** How long SIGTERM waits for in-flight work before closing anyway (the process must exit within 10 s). */
  shutdownGraceMs: number;
  /** Introspection; defaults to on outside production and off in production. */
  introspection: boolean | undefined;
  bodyLimitBytes: number;
  /** Most children one merged call to an agency carries (a page of 100 is one call). */
  maxBatchSize: number;
}

export const gatewayConfigSection = defineConfigSection(
  'gateway',
  {
    HOST: z.string().default('127.0.0.1'),
    PORT: envInt(4000, { min: 0, max: 65535 }),
    SHUTDOWN_GRACE_MS: envInt(7000, { min: 0, max: 9000 }),
    GRAPHQL_INTROSPECTION: envBoolean(false).optional(),
    HTTP_BODY_LIMIT_BYTES: envInt(1_048_576, { min: 1024, max: 104_857_600 }),
    GATEWAY_MAX_BATCH_SIZE: envInt(100, { min: 1, max: 1000 }),
  },
  (env): GatewayConfig => ({
    host: env.HOST,
    port: env.PORT,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    introspection: env.GRAPHQL_INTROSPECTION,
    bodyLimitBytes: env.HTTP_BODY_LIMIT_BYTES,
    maxBatchSize: env.GATEWAY_MAX_BATCH_SIZE,
  }),
);
