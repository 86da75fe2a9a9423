import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FaultController,
  faultSettingsFromEnv,
  faultSettingsSchema,
  healthyFaultSettings,
} from './faults.js';

/** Random source returning the given values in turn (then repeating the last). */
function scripted(...values: number[]): () => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

describe('FaultController.decide', () => {
  it('is healthy by default', () => {
    const controller = new FaultController({}, scripted(0));
    expect(controller.decide()).toEqual({ delayMs: 0, action: 'ok' });
  });

  it('splits the roll into error, timeout and malformed bands in that order', () => {
    const settings = { errorRate: 0.1, timeoutRate: 0.2, malformedRate: 0.3 };
    const actionFor = (roll: number) => new FaultController(settings, scripted(roll)).decide().action;
    expect(actionFor(0)).toBe('error');
    expect(actionFor(0.099)).toBe('error');
    expect(actionFor(0.1)).toBe('timeout');
    expect(actionFor(0.299)).toBe('timeout');
    expect(actionFor(0.301)).toBe('malformed');
    expect(actionFor(0.599)).toBe('malformed');
    expect(actionFor(0.601)).toBe('ok');
    expect(actionFor(0.999)).toBe('ok');
  });

  it('answers down whatever the roll when down is set', () => {
    const controller = new FaultController({ down: true, errorRate: 1 }, scripted(0.5));
    expect(controller.decide().action).toBe('down');
  });

  it('keeps the delay within latency .. latency + jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (latencyMs, jitterMs, roll) => {
          const { delayMs } = new FaultController({ latencyMs, jitterMs }, scripted(roll)).decide();
          expect(delayMs).toBeGreaterThanOrEqual(latencyMs);
          expect(delayMs).toBeLessThanOrEqual(latencyMs + jitterMs);
          expect(Number.isInteger(delayMs)).toBe(true);
        },
      ),
    );
  });

  it('reaches both jitter extremes', () => {
    expect(new FaultController({ latencyMs: 100, jitterMs: 50 }, scripted(0)).decide().delayMs).toBe(100);
    expect(new FaultController({ latencyMs: 100, jitterMs: 50 }, scripted(0.99999)).decide().delayMs).toBe(
      150,
    );
  });

  it('matches the configured error rate over many requests', () => {
    let seed = 42;
    const lcg = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const controller = new FaultController({ errorRate: 0.25 }, lcg);
    let errors = 0;
    for (let i = 0; i < 10_000; i += 1) if (controller.decide().action === 'error') errors += 1;
    expect(errors / 10_000).toBeGreaterThan(0.22);
    expect(errors / 10_000).toBeLessThan(0.28);
  });
});

describe('FaultController settings', () => {
  it('merges partial updates and resets to the initial settings', () => {
    const controller = new FaultController({ latencyMs: 20 });
    expect(controller.set({ errorRate: 0.5 })).toEqual({
      ...healthyFaultSettings,
      latencyMs: 20,
      errorRate: 0.5,
    });
    controller.set({ down: true });
    expect(controller.get().down).toBe(true);
    expect(controller.reset()).toEqual({ ...healthyFaultSettings, latencyMs: 20 });
  });

  it('rejects out-of-range values', () => {
    const controller = new FaultController();
    expect(() => controller.set({ errorRate: 1.5 })).toThrow();
    expect(() => new FaultController({ latencyMs: -1 })).toThrow();
    expect(controller.get()).toEqual(healthyFaultSettings);
  });

  it('schema accepts partial settings and rejects unknown fields', () => {
    expect(faultSettingsSchema.safeParse({ down: true }).success).toBe(true);
    expect(faultSettingsSchema.safeParse({}).success).toBe(true);
    expect(faultSettingsSchema.safeParse({ errorRate: '0.5' }).success).toBe(false);
    expect(faultSettingsSchema.safeParse({ eror: 1 }).success).toBe(false);
  });
});

describe('faultSettingsFromEnv', () => {
  it('reads every variable under the prefix', () => {
    const env = {
      GP_SIM_LATENCY_MS: '25',
      GP_SIM_JITTER_MS: '10',
      GP_SIM_ERROR_RATE: '0.1',
      GP_SIM_TIMEOUT_RATE: '0.05',
      GP_SIM_MALFORMED_RATE: '0.02',
      GP_SIM_DOWN: '1',
      OTHER_SIM_ERROR_RATE: '1',
    };
    const expected = {
      latencyMs: 25,
      jitterMs: 10,
      errorRate: 0.1,
      timeoutRate: 0.05,
      malformedRate: 0.02,
      down: true,
    };
    expect(faultSettingsFromEnv('GP_SIM', env)).toEqual(expected);
    expect(faultSettingsFromEnv('GP_SIM_', env)).toEqual(expected);
  });

  it('defaults to healthy when nothing is set', () => {
    expect(faultSettingsFromEnv('GP_SIM', {})).toEqual(healthyFaultSettings);
    expect(faultSettingsFromEnv('GP_SIM', { GP_SIM_DOWN: 'false', GP_SIM_ERROR_RATE: '' })).toEqual(
      healthyFaultSettings,
    );
  });

  it('names each bad variable in the error', () => {
    const env = {
      X_SIM_ERROR_RATE: '5%',
      X_SIM_LATENCY_MS: '-3',
      X_SIM_DOWN: 'maybe',
      X_SIM_JITTER_MS: '1.5',
    };
    expect(() => faultSettingsFromEnv('X_SIM', env)).toThrow(
      /X_SIM_LATENCY_MS="-3".*X_SIM_JITTER_MS="1\.5".*X_SIM_ERROR_RATE="5%".*X_SIM_DOWN="maybe"/,
    );
  });

  it('rejects a rate above 1', () => {
    expect(() => faultSettingsFromEnv('X_SIM', { X_SIM_TIMEOUT_RATE: '2' })).toThrow(
      /X_SIM_TIMEOUT_RATE.*0 to 1/,
    );
  });
});
