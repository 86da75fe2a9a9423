import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.js';
import { ConfigError } from '../../platform/errors.js';
import { educationConfigSection } from './config.js';

describe('education config', () => {
  it('defaults to the local simulator with the hub-wide resilience defaults', () => {
    expect(parseConfig({ education: educationConfigSection }, {}).education).toEqual({
      baseUrl: 'http://127.0.0.1:4103/education/v1',
      policy: {
        agency: 'EDUCATION',
        timeoutMs: 2000,
        retries: 2,
        breakerThreshold: 5,
        breakerHalfOpenMs: 10_000,
      },
    });
    expect(educationConfigSection.variables).toEqual([
      'EDUCATION_BASE_URL',
      'EDUCATION_TIMEOUT_MS',
      'EDUCATION_RETRIES',
      'EDUCATION_BREAKER_THRESHOLD',
      'EDUCATION_BREAKER_HALF_OPEN_MS',
    ]);
  });

  it('reads overrides and drops a trailing slash from the base URL', () => {
    const { education } = parseConfig(
      { education: educationConfigSection },
      {
        EDUCATION_BASE_URL: 'https://edu.example/api/v1/',
        EDUCATION_TIMEOUT_MS: '750',
        EDUCATION_RETRIES: '0',
      },
    );
    expect(education.baseUrl).toBe('https://edu.example/api/v1');
    expect(education.policy).toMatchObject({ timeoutMs: 750, retries: 0 });
  });

  it('rejects a base URL that is not http(s) and a timeout out of range, naming both', () => {
    expect(() =>
      parseConfig(
        { education: educationConfigSection },
        { EDUCATION_BASE_URL: 'ftp://edu.example', EDUCATION_TIMEOUT_MS: '5' },
      ),
    ).toThrow(ConfigError);
    try {
      parseConfig(
        { education: educationConfigSection },
        { EDUCATION_BASE_URL: 'nope', EDUCATION_TIMEOUT_MS: '5' },
      );
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toMatch(
        /EDUCATION_BASE_URL[\s\S]*EDUCATION_TIMEOUT_MS/,
      );
    }
  });
});
