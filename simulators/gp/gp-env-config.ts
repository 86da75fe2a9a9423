import { z } from 'zod';
import type { Handling } from './search/search-request.js';

/** GP-only settings on top of the shared simulator ones (see kit/sim-config.ts). */
export interface GpEnvConfig {
  /** Public FHIR base URL for fullUrl and links; null derives it from each request's Host header. */
  baseUrl: string | null;
  defaultHandling: Handling;
  /** Seed and number of children for the population generated when no population file is given. */
  seed: number;
  size: number;
}

const gpEnvSchema = z.object({
  GP_SIM_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.endsWith('/fhir'), 'must end in /fhir')
    .optional(),
  GP_SIM_HANDLING: z.enum(['strict', 'lenient']).default('strict'),
  GP_SIM_SEED: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  GP_SIM_SIZE: z.coerce.number().int().min(1).max(500_000).default(500),
});

const variables = ['GP_SIM_BASE_URL', 'GP_SIM_HANDLING', 'GP_SIM_SEED', 'GP_SIM_SIZE'] as const;

export function gpEnvConfig(env: NodeJS.ProcessEnv): GpEnvConfig {
  const present = Object.fromEntries(
    variables.map((name) => [name, env[name]?.trim() === '' ? undefined : env[name]?.trim()]),
  );
  const parsed = gpEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid GP_SIM_* settings: ${z.prettifyError(parsed.error)}`);
  return {
    baseUrl: parsed.data.GP_SIM_BASE_URL ?? null,
    defaultHandling: parsed.data.GP_SIM_HANDLING,
    seed: parsed.data.GP_SIM_SEED,
    size: parsed.data.GP_SIM_SIZE,
  };
}
