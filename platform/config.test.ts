import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConfigSection, envBoolean, envInt, envUrl, parseConfig } from './config.js';
import { ConfigError } from './errors.js';
import { platformConfigSection } from './platform-config.js';

const httpSection = defineConfigSection(
  'http',
  { PORT: envInt(4000, { min: 1, max: 65535 }), TRUST_PROXY: envBoolean(false) },
  (env) => ({ port: env.PORT, trustProxy: env.TRUST_PROXY }),
);
const redisSection = defineConfigSection(
  'redis',
  { REDIS_URL: envUrl(['redis', 'rediss']).default('redis://127.0.0.1:6379') },
  (env) => ({ url: env.REDIS_URL }),
);
const sections = { platform: platformConfigSection, http: httpSection, redis: redisSection };

describe('parseConfig', () => {
  it('applies defaults and maps env vars to typed sections', () => {
    const config = parseConfig(sections, {});
    expect(config).toEqual({
      platform: { nodeEnv: 'development', hubEnv: 'dev', logLevel: 'info' },
      http: { port: 4000, trustProxy: false },
      redis: { url: 'redis://127.0.0.1:6379' },
    });
  });

  it('lists every problem across sections, naming each variable', () => {
    let caught: unknown;
    try {
      parseConfig(sections, {
        PORT: '99999',
        TRUST_PROXY: 'maybe',
        REDIS_URL: 'http://x',
        NODE_ENV: 'staging',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'NODE_ENV',
      'PORT',
      'REDIS_URL',
      'TRUST_PROXY',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig(sections, { PORT: '' }).http.port).toBe(4000);
  });

  it('keeps unrelated variables out of the result', () => {
    const only = defineConfigSection('x', { X: z.string().default('a') }, (env) => env.X);
    expect(parseConfig({ x: only }, { X: 'b', SECRET: 's' })).toEqual({ x: 'b' });
  });
});
