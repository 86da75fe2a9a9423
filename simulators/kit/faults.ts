import { z } from 'zod';

/**
 * How badly a simulated agency system behaves. Rates are probabilities (0–1) applied per request, in the order
 * error → timeout → malformed, so their sum is the share of requests that go wrong.
 */
export interface FaultSettings {
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
  timeoutRate: number;
  malformedRate: number;
  down: boolean;
}

const rate = z.number().min(0).max(1);
const millis = z.number().int().min(0).max(600_000);

const fullFaultSettingsSchema = z
  .object({
    latencyMs: millis,
    jitterMs: millis,
    errorRate: rate,
    timeoutRate: rate,
    malformedRate: rate,
    down: z.boolean(),
  })
  .strict();

/** Partial settings (e.g. the body of PUT /admin/faults): every field optional, unknown fields rejected. */
export const faultSettingsSchema: z.ZodType<Partial<FaultSettings>> = fullFaultSettingsSchema.partial();

export const healthyFaultSettings: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  malformedRate: 0,
  down: false,
});

export type FaultAction = 'ok' | 'error' | 'timeout' | 'malformed' | 'down';

export class FaultSettingsError extends Error {
  override name = 'FaultSettingsError';
}

const envNumberFields = [
  ['latencyMs', 'LATENCY_MS'],
  ['jitterMs', 'JITTER_MS'],
  ['errorRate', 'ERROR_RATE'],
  ['timeoutRate', 'TIMEOUT_RATE'],
  ['malformedRate', 'MALFORMED_RATE'],
] as const;

const truthy = new Set(['1', 'true', 'yes', 'on']);
const falsy = new Set(['', '0', 'false', 'no', 'off']);

/**
 * Reads `<PREFIX>_LATENCY_MS`, `_JITTER_MS`, `_ERROR_RATE`, `_TIMEOUT_RATE`, `_MALFORMED_RATE` and `_DOWN`
 * (1/0/true/false). Prefix with or without the trailing underscore ('GP_SIM' or 'GP_SIM_'). Unset variables keep
 * the healthy default; a value that does not parse throws naming the variable, so a typo never silently means
 * "no faults".
 */
export function faultSettingsFromEnv(prefix: string, env: NodeJS.ProcessEnv): FaultSettings {
  const stem = prefix.endsWith('_') ? prefix : `${prefix}_`;
  const settings: FaultSettings = { ...healthyFaultSettings };
  const problems: string[] = [];

  for (const [field, suffix] of envNumberFields) {
    const name = `${stem}${suffix}`;
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw.trim());
    const parsed = fullFaultSettingsSchema.shape[field].safeParse(value);
    if (!Number.isFinite(value) || !parsed.success) {
      const expected = field.endsWith('Rate')
        ? 'a number from 0 to 1'
        : 'a whole number of milliseconds (0–600000)';
      problems.push(`${name}=${JSON.stringify(raw)} is not ${expected}`);
      continue;
    }
    settings[field] = parsed.data;
  }

  const downName = `${stem}DOWN`;
  const downRaw = env[downName];
  if (downRaw !== undefined) {
    const normalised = downRaw.trim().toLowerCase();
    if (truthy.has(normalised)) settings.down = true;
    else if (falsy.has(normalised)) settings.down = false;
    else problems.push(`${downName}=${JSON.stringify(downRaw)} is not one of 1, 0, true, false, yes, no`);
  }

  if (problems.length > 0) throw new FaultSettingsError(`Invalid fault settings: ${problems.join('; ')}`);
  return settings;
}

/** Holds the current fault settings of one simulator and decides, per request, what goes wrong. */
export class FaultController {
  private readonly initial: FaultSettings;
  private current: FaultSettings;
  private readonly random: () => number;

  constructor(initial: Partial<FaultSettings> = {}, random: () => number = Math.random) {
    this.initial = { ...healthyFaultSettings, ...fullFaultSettingsSchema.partial().parse(initial) };
    this.current = { ...this.initial };
    this.random = random;
  }

  get(): FaultSettings {
    return { ...this.current };
  }

  /** Merges a partial update; throws a ZodError if it is invalid (callers at a boundary should safeParse first). */
  set(patch: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...fullFaultSettingsSchema.partial().parse(patch) };
    return this.get();
  }

  /** Back to the settings the controller was built with (not necessarily healthy: env faults persist). */
  reset(): FaultSettings {
    this.current = { ...this.initial };
    return this.get();
  }

  decide(): { delayMs: number; action: FaultAction } {
    const { latencyMs, jitterMs, errorRate, timeoutRate, malformedRate, down } = this.current;
    const delayMs = latencyMs + (jitterMs > 0 ? Math.floor(this.random() * (jitterMs + 1)) : 0);
    if (down) return { delayMs: 0, action: 'down' };
    const roll = this.random();
    if (roll < errorRate) return { delayMs, action: 'error' };
    if (roll < errorRate + timeoutRate) return { delayMs, action: 'timeout' };
    if (roll < errorRate + timeoutRate + malformedRate) return { delayMs, action: 'malformed' };
    return { delayMs, action: 'ok' };
  }
}
