import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.js';
import { ConfigError } from '../../platform/errors.js';
import { socialCareConfigSection } from './config.js';

describe('social care config', () => {
  it('defaults to the local simulator with the hub-wide resilience defaults', () => {
    expect(parseConfig({ socialCare: socialCareConfigSection }, {}).socialCare).toEqual({
      databaseUrl: 'postgres://ssd_reader@127.0.0.1:55432/postgres',
      schema: 'ssd',
      poolMax: 10,
      policy: {
        agency: 'SOCIAL_CARE',
        timeoutMs: 2000,
        retries: 2,
        breakerThreshold: 5,
        breakerHalfOpenMs: 10_000,
      },
    });
    expect(socialCareConfigSection.variables).toEqual([
      'SOCIAL_CARE_DATABASE_URL',
      'SOCIAL_CARE_SCHEMA',
      'SOCIAL_CARE_POOL_MAX',
      'SOCIAL_CARE_TIMEOUT_MS',
      'SOCIAL_CARE_RETRIES',
      'SOCIAL_CARE_BREAKER_THRESHOLD',
      'SOCIAL_CARE_BREAKER_HALF_OPEN_MS',
    ]);
  });

  it('reads overrides', () => {
    const { socialCare } = parseConfig(
      { socialCare: socialCareConfigSection },
      {
        SOCIAL_CARE_DATABASE_URL: 'postgresql://reader:secret@db.council.example:5432/ssd',
        SOCIAL_CARE_SCHEMA: 'ssd_v14',
        SOCIAL_CARE_POOL_MAX: '4',
        SOCIAL_CARE_TIMEOUT_MS: '750',
      },
    );
    expect(socialCare).toMatchObject({
      databaseUrl: 'postgresql://reader:secret@db.council.example:5432/ssd',
      schema: 'ssd_v14',
      poolMax: 4,
      policy: { timeoutMs: 750 },
    });
  });

  it('rejects a non-postgres URL and a schema name that would need quoting, naming both', () => {
    try {
      parseConfig(
        { socialCare: socialCareConfigSection },
        { SOCIAL_CARE_DATABASE_URL: 'http://db.example', SOCIAL_CARE_SCHEMA: 'ssd; drop' },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('SOCIAL_CARE_DATABASE_URL');
      expect(problems).toContain('SOCIAL_CARE_SCHEMA');
    }
  });
});
