import { defineConfigSection, envInt } from '../../platform/config.js';
import type { FeedKind, FeedLimits } from '../../feeds/intake/index.js';

export interface FeedIntakeConfig {
  limits: Record<FeedKind, FeedLimits>;
  /** Records per INSERT while a feed streams in (bench/feeds/intake.ts measures the choice). */
  batchRows: number;
}

const MiB = 1024 * 1024;

export const feedIntakeConfigSection = defineConfigSection(
  'feedIntake',
  {
    FEED_SCHOOL_MAX_BYTES: envInt(200 * MiB, { min: 1024, max: 4096 * MiB }),
    FEED_SCHOOL_MAX_ROW_BYTES: envInt(64 * 1024, { min: 256, max: 16 * MiB }),
    FEED_GP_MAX_BYTES: envInt(100 * MiB, { min: 1024, max: 4096 * MiB }),
    FEED_GP_MAX_ENTRY_BYTES: envInt(MiB, { min: 1024, max: 64 * MiB }),
    FEED_INTAKE_BATCH_ROWS: envInt(2000, { min: 1, max: 50_000 }),
  },
  (env): FeedIntakeConfig => ({
    limits: {
      SCHOOL_CSV: { maxBodyBytes: env.FEED_SCHOOL_MAX_BYTES, maxRecordBytes: env.FEED_SCHOOL_MAX_ROW_BYTES },
      GP_FHIR: { maxBodyBytes: env.FEED_GP_MAX_BYTES, maxRecordBytes: env.FEED_GP_MAX_ENTRY_BYTES },
    },
    batchRows: env.FEED_INTAKE_BATCH_ROWS,
  }),
);
