/** How often the hub looks for transition handoffs whose delivery job was lost, and how old they must be. */
import { defineConfigSection, envInt } from '../../platform/config.js';

export interface HandoffSweepConfig {
  intervalMs: number;
  /** Younger REQUESTED handoffs may still be between their insert and their enqueue. */
  minAgeMs: number;
}

export const handoffSweepConfigSection = defineConfigSection(
  'handoffSweep',
  {
    HANDOFF_SWEEP_INTERVAL_SECONDS: envInt(300, { min: 10, max: 24 * 3600 }),
    HANDOFF_SWEEP_MIN_AGE_SECONDS: envInt(300, { min: 30, max: 24 * 3600 }),
  },
  (env): HandoffSweepConfig => ({
    intervalMs: env.HANDOFF_SWEEP_INTERVAL_SECONDS * 1000,
    minAgeMs: env.HANDOFF_SWEEP_MIN_AGE_SECONDS * 1000,
  }),
);
