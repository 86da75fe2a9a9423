import { defineConfigSection, envBoolean, envInt, envUrl } from './config.js';

export interface RedisConfig {
  url: string;
  /** Start a private redis-server on a free loopback port when `url` does not answer (npm start only). */
  autostart: boolean;
  connectTimeoutMs: number;
}

export const redisConfigSection = defineConfigSection(
  'redis',
  {
    REDIS_URL: envUrl(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
    REDIS_AUTOSTART: envBoolean(true),
    REDIS_CONNECT_TIMEOUT_MS: envInt(2000, { min: 100, max: 60_000 }),
  },
  (env): RedisConfig => ({
    url: env.REDIS_URL,
    autostart: env.REDIS_AUTOSTART,
    connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS,
  }),
);
