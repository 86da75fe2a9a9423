import { z } from 'zod';

const failFirst = z.coerce.number().int().min(0).max(1000);

/** ADULT_SIM_FAIL_FIRST_HANDOFFS: how many intake attempts fail before intake works (default 0). */
export function failFirstHandoffsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env['ADULT_SIM_FAIL_FIRST_HANDOFFS'];
  if (raw === undefined || raw.trim() === '') return 0;
  const parsed = failFirst.safeParse(raw.trim());
  if (!parsed.success) {
    throw new Error(
      `ADULT_SIM_FAIL_FIRST_HANDOFFS=${JSON.stringify(raw)} is not a whole number from 0 to 1000`,
    );
  }
  return parsed.data;
}

/** The demo's default: adult services pick a handoff up two minutes after it arrives. */
export const defaultAcknowledgeHandoffsAfterMs = 120_000;

const afterMs = z.coerce
  .number()
  .int()
  .min(0)
  .max(24 * 3_600_000);

/**
 * ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS: milliseconds after intake at which a handoff is acknowledged on its own
 * (default two minutes), or `off` to acknowledge only through the admin endpoint.
 */
export function acknowledgeHandoffsAfterFromEnv(env: NodeJS.ProcessEnv): number | null {
  const raw = env['ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS'];
  if (raw === undefined || raw.trim() === '') return defaultAcknowledgeHandoffsAfterMs;
  if (raw.trim().toLowerCase() === 'off') return null;
  const parsed = afterMs.safeParse(raw.trim());
  if (!parsed.success) {
    throw new Error(
      `ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS=${JSON.stringify(raw)} is not 'off' or a whole number of milliseconds up to a day`,
    );
  }
  return parsed.data;
}
