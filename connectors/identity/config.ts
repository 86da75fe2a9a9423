import { defineConfigSection, envInt } from '../../platform/config.js';

export interface IdentityConfig {
  /** Largest number of children one identity lookup carries. */
  maxBatchSize: number;
}

export const identityConfigSection = defineConfigSection(
  'identity',
  { IDENTITY_MAX_BATCH_SIZE: envInt(200, { min: 1, max: 5000 }) },
  (env): IdentityConfig => ({ maxBatchSize: env.IDENTITY_MAX_BATCH_SIZE }),
);
