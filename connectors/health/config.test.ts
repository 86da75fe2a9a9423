import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../platform/errors.js';
import { parseConfig } from '../../platform/config.js';
import { healthConfigSection } from './config.js';

describe('health config section', () => {
  it('defaults to the local GP simulator, 2 s timeouts, 2 retries for reads', () => {
    expect(parseConfig({ health: healthConfigSection }, {}).health).toEqual({
      fhirBaseUrl: 'http://127.0.0.1:4102/fhir',
      policy: {
        agency: 'HEALTH',
        timeoutMs: 2000,
        retries: 2,
        breakerThreshold: 5,
        breakerHalfOpenMs: 10_000,
      },
      pageSize: 200,
    });
  });

  it('reads every variable and drops a trailing slash from the base URL', () => {
    const { health } = parseConfig(
      { health: healthConfigSection },
      {
        HEALTH_FHIR_BASE_URL: 'https://gp.example/fhir/',
        HEALTH_TIMEOUT_MS: '500',
        HEALTH_RETRIES: '0',
        HEALTH_BREAKER_THRESHOLD: '3',
        HEALTH_BREAKER_HALF_OPEN_MS: '1000',
        HEALTH_PAGE_SIZE: '50',
      },
    );
    expect(health).toEqual({
      fhirBaseUrl: 'https://gp.example/fhir',
      policy: { agency: 'HEALTH', timeoutMs: 500, retries: 0, breakerThreshold: 3, breakerHalfOpenMs: 1000 },
      pageSize: 50,
    });
    expect(healthConfigSection.variables).toEqual([
      'HEALTH_FHIR_BASE_URL',
      'HEALTH_TIMEOUT_MS',
      'HEALTH_RETRIES',
      'HEALTH_BREAKER_THRESHOLD',
      'HEALTH_BREAKER_HALF_OPEN_MS',
      'HEALTH_PAGE_SIZE',
    ]);
  });

  it('rejects a base URL that is not http(s) and a page size out of range', () => {
    expect(() =>
      parseConfig(
        { health: healthConfigSection },
        { HEALTH_FHIR_BASE_URL: 'ftp://gp', HEALTH_PAGE_SIZE: '0' },
      ),
    ).toThrow(ConfigError);
  });
});
