/** When the nightly reconciliation runs: a cron pattern in England's local time, or `off`. */
import { z } from 'zod';
import { defineConfigSection } from '../../platform/config.js';

export interface ReconcileScheduleConfig {
  /** A five-field cron pattern (Europe/London), or null when the nightly run is off. */
  pattern: string | null;
}

export const reconcileScheduleConfigSection = defineConfigSection(
  'reconcileSchedule',
  {
    RECONCILE_SCHEDULE: z
      .string()
      .trim()
      .regex(/^(off|(\S+\s+){4}\S+)$/, "a five-field cron pattern (e.g. '0 2 * * *') or 'off'")
      .default('0 2 * * *'),
  },
  (env): ReconcileScheduleConfig => ({
    pattern: env.RECONCILE_SCHEDULE === 'off' ? null : env.RECONCILE_SCHEDULE,
  }),
);
