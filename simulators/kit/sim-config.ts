import { z } from 'zod';
import type { FaultSettings } from './faults.js';
import { faultSettingsFromEnv } from './faults.js';

/** What every runnable HTTP simulator reads from its environment, under its own prefix (e.g. `EDUCATION_SIM_`). */
export interface SimulatorEnvConfig {
  host: string;
  port: number;
  logLevel: string;
  /** Where to post webhooks; null runs the simulator without a hub (events are only recorded). */
  webhookUrl: string | null;
  webhookSecret: string;
  /** A population JSON file to serve; null means the caller's built-in fallback. */
  populationFile: string | null;
  faults: FaultSettings;
}

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * Reads `<PREFIX>_HOST`, `_PORT`, `_LOG_LEVEL`, `_WEBHOOK_URL`, `_WEBHOOK_SECRET`, `_POPULATION_FILE` (falling back
 * to `SIM_POPULATION_FILE`, `SIM_WEBHOOK_URL`, `SIM_WEBHOOK_SECRET`) and the fault variables. Throws one error
 * listing every bad variable.
 */
export function simulatorEnvConfig(
  prefix: string,
  env: NodeJS.ProcessEnv,
  defaultPort: number,
): SimulatorEnvConfig {
  const stem = prefix.endsWith('_') ? prefix : `${prefix}_`;
  const read = (name: string, shared?: string): string | undefined => {
    const value = env[`${stem}${name}`] ?? (shared ? env[shared] : undefined);
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const schema = z
    .object({
      host: z.string().default('127.0.0.1'),
      port: port.default(defaultPort),
      logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      webhookUrl: z
        .url({ protocol: /^https?$/ })
        .nullable()
        .default(null),
      webhookSecret: z.string().min(16).nullable().default(null),
      populationFile: z.string().nullable().default(null),
    })
    .refine((config) => config.webhookUrl === null || config.webhookSecret !== null, {
      message: `${stem}WEBHOOK_SECRET (at least 16 characters) is required when a webhook URL is set`,
      path: ['webhookSecret'],
    });
  const parsed = schema.safeParse({
    host: read('HOST'),
    port: read('PORT'),
    logLevel: read('LOG_LEVEL'),
    webhookUrl: read('WEBHOOK_URL', 'SIM_WEBHOOK_URL'),
    webhookSecret: read('WEBHOOK_SECRET', 'SIM_WEBHOOK_SECRET'),
    populationFile: read('POPULATION_FILE', 'SIM_POPULATION_FILE'),
  });
  if (!parsed.success) throw new Error(`Invalid ${stem}* settings: ${z.prettifyError(parsed.error)}`);
  return {
    ...parsed.data,
    // Without a hub the secret signs nothing; a fixed placeholder keeps the sender's contract simple.
    webhookSecret: parsed.data.webhookSecret ?? 'no-hub-configured',
    faults: faultSettingsFromEnv(stem, env),
  };
}
