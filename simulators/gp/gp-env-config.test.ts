import { describe, expect, it } from 'vitest';
import { gpEnvConfig } from './gp-env-config.js';

const defaults = { baseUrl: null, defaultHandling: 'strict', seed: 1, size: 500 };

describe('gpEnvConfig', () => {
  it('defaults to strict handling, a Host-derived base URL and a small generated population', () => {
    expect(gpEnvConfig({})).toEqual(defaults);
    expect(gpEnvConfig({ GP_SIM_BASE_URL: ' ', GP_SIM_HANDLING: '' })).toEqual(defaults);
  });

  it('reads every GP setting', () => {
    expect(
      gpEnvConfig({
        GP_SIM_BASE_URL: 'https://gp.example.test/fhir',
        GP_SIM_HANDLING: 'lenient',
        GP_SIM_SEED: '42',
        GP_SIM_SIZE: '100000',
      }),
    ).toEqual({
      baseUrl: 'https://gp.example.test/fhir',
      defaultHandling: 'lenient',
      seed: 42,
      size: 100_000,
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => gpEnvConfig({ GP_SIM_HANDLING: 'loose' })).toThrow(/GP_SIM_HANDLING/);
    expect(() => gpEnvConfig({ GP_SIM_BASE_URL: 'https://gp.example.test/api' })).toThrow(
      /must end in \/fhir/,
    );
    expect(() => gpEnvConfig({ GP_SIM_SIZE: 'lots' })).toThrow(/GP_SIM_SIZE/);
  });
});
