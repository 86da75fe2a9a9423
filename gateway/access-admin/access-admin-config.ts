/**
 * The access-admin section of the hub's configuration: how long a grant lasts when the holder does not say, and
 * when a user's volume of children opened raises an UNUSUAL_VOLUME alert. The longest grant of each kind is
 * startAccessGrant's ceiling (8 hours self-claimed, 4 hours break-glass), not configurable upwards.
 */
import { defineConfigSection, envInt } from '../../platform/config.js';
import { grantCeilingMinutes, type GrantLimits } from './grant-input.js';

export interface AccessAdminConfig {
  grantLimits: GrantLimits;
  unusualVolume: {
    /** Alert when a user opens more than this many distinct children within an hour. */
    thresholdPerHour: number;
    /** Check a user at most this often (ms), however many requests they make. */
    checkEveryMs: number;
  };
}

export const accessAdminConfigSection = defineConfigSection(
  'accessAdmin',
  {
    ACCESS_GRANT_SELF_CLAIM_MINUTES: envInt(8 * 60, { min: 1, max: grantCeilingMinutes.SELF_CLAIMED }),
    ACCESS_GRANT_BREAK_GLASS_MINUTES: envInt(60, { min: 1, max: grantCeilingMinutes.BREAK_GLASS }),
    AUDIT_UNUSUAL_VOLUME_PER_HOUR: envInt(50, { min: 1, max: 100_000 }),
    AUDIT_UNUSUAL_VOLUME_CHECK_EVERY_MS: envInt(60_000, { min: 1_000, max: 3_600_000 }),
  },
  (env): AccessAdminConfig => ({
    grantLimits: {
      SELF_CLAIMED: {
        defaultMinutes: env.ACCESS_GRANT_SELF_CLAIM_MINUTES,
        maxMinutes: grantCeilingMinutes.SELF_CLAIMED,
      },
      BREAK_GLASS: {
        defaultMinutes: env.ACCESS_GRANT_BREAK_GLASS_MINUTES,
        maxMinutes: grantCeilingMinutes.BREAK_GLASS,
      },
    },
    unusualVolume: {
      thresholdPerHour: env.AUDIT_UNUSUAL_VOLUME_PER_HOUR,
      checkEveryMs: env.AUDIT_UNUSUAL_VOLUME_CHECK_EVERY_MS,
    },
  }),
);
