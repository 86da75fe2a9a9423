import { z } from 'zod';
import { defineConfigSection } from './config.js';

export interface PlatformConfig {
  nodeEnv: 'development' | 'test' | 'production';
  /** Names this deployment; used in Redis key and queue prefixes so environments never share keys. */
  hubEnv: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const platformConfigSection = defineConfigSection(
  'platform',
  {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HUB_ENV: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/, 'lower-case letters, digits and dashes, at most 32')
      .default('dev'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  (env): PlatformConfig => ({ nodeEnv: env.NODE_ENV, hubEnv: env.HUB_ENV, logLevel: env.LOG_LEVEL }),
);
