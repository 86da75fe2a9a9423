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
