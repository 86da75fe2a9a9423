import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.js';
import { ConfigError } from '../../platform/errors.js';
import { adultServicesConfigSection } from './config.js';

describe('adult services config', () => {
  it('defaults to the local simulator with the hub-wide resilience defaults', () => {
    expect(parseConfig({ adultServices: adultServicesConfigSection }, {}).adultServices).toEqual({
      baseUrl: 'http://127.0.0.1:4104/adult/v1',
      policy: {
        agency: 'ADULT_SERVICES',
        timeoutMs: 2000,
        retries: 2,
        breakerThreshold: 5,
        breakerHalfOpenMs: 10_000,
      },
    });
    expect(adultServicesConfigSection.variables).toEqual([
      'ADULT_SERVICES_BASE_URL',
      'ADULT_SERVICES_TIMEOUT_MS',
      'ADULT_SERVICES_RETRIES',
      'ADULT_SERVICES_BREAKER_THRESHOLD',
      'ADULT_SERVICES_BREAKER_HALF_OPEN_MS',
    ]);
  });

  it('reads overrides and drops a trailing slash from the base URL', () => {
    const { adultServices } = parseConfig(
      { adultServices: adultServicesConfigSection },
      {
        ADULT_SERVICES_BASE_URL: 'https://asc.example/api/v1/',
        ADULT_SERVICES_TIMEOUT_MS: '750',
        ADULT_SERVICES_RETRIES: '0',
      },
    );
    expect(adultServices.baseUrl).toBe('https://asc.example/api/v1');
    expect(adultServices.policy).toMatchObject({ timeoutMs: 750, retries: 0 });
  });

  it('rejects a base URL that is not http(s) and a timeout out of range, naming both', () => {
    expect(() =>
      parseConfig(
        { adultServices: adultServicesConfigSection },
        { ADULT_SERVICES_BASE_URL: 'ftp://asc.example', ADULT_SERVICES_TIMEOUT_MS: '5' },
      ),
    ).toThrow(ConfigError);
    try {
      parseConfig(
        { adultServices: adultServicesConfigSection },
        { ADULT_SERVICES_BASE_URL: 'nope', ADULT_SERVICES_TIMEOUT_MS: '5' },
      );
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toMatch(
        /ADULT_SERVICES_BASE_URL[\s\S]*ADULT_SERVICES_TIMEOUT_MS/,
      );
    }
  });
});
