import { describe, expect, it } from 'vitest';
import { simulatorEnvConfig } from './sim-config.js';
import { healthyFaultSettings } from './faults.js';

describe('simulatorEnvConfig', () => {
  it('defaults to localhost, the given port, no hub and healthy faults', () => {
    expect(simulatorEnvConfig('EDU_SIM', {}, 4103)).toEqual({
      host: '127.0.0.1',
      port: 4103,
      logLevel: 'info',
      webhookUrl: null,
      webhookSecret: 'no-hub-configured',
      populationFile: null,
      faults: healthyFaultSettings,
    });
  });

  it('reads prefixed variables, shared fallbacks and faults', () => {
    const config = simulatorEnvConfig(
      'EDU_SIM',
      {
        EDU_SIM_PORT: '5000',
        EDU_SIM_WEBHOOK_URL: 'http://127.0.0.1:9/hooks',
        SIM_WEBHOOK_SECRET: 'a-long-enough-secret',
        SIM_POPULATION_FILE: '/data/population.json',
        EDU_SIM_ERROR_RATE: '0.5',
      },
      4103,
    );
    expect(config).toMatchObject({
      port: 5000,
      webhookUrl: 'http://127.0.0.1:9/hooks',
      webhookSecret: 'a-long-enough-secret',
      populationFile: '/data/population.json',
      faults: { errorRate: 0.5 },
    });
  });

  it('demands a secret with a webhook URL, and names bad values', () => {
    expect(() => simulatorEnvConfig('EDU_SIM', { EDU_SIM_WEBHOOK_URL: 'http://hub/hooks' }, 1)).toThrow(
      /EDU_SIM_WEBHOOK_SECRET/,
    );
    expect(() => simulatorEnvConfig('EDU_SIM', { EDU_SIM_PORT: 'eighty' }, 1)).toThrow(/port/);
    expect(() =>
      simulatorEnvConfig(
        'EDU_SIM',
        { EDU_SIM_WEBHOOK_URL: 'ftp://x', SIM_WEBHOOK_SECRET: 'x'.repeat(16) },
        1,
      ),
    ).toThrow();
    expect(() => simulatorEnvConfig('EDU_SIM', { EDU_SIM_DOWN: 'perhaps' }, 1)).toThrow(/EDU_SIM_DOWN/);
  });
});
