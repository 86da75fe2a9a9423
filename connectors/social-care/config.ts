/**
 * The social care connector's config section: where the council's Standard Safeguarding Dataset is (a read-only
 * PostgreSQL login, usually through the council's own proxy), which schema holds it, how many connections to hold,
 * and how patiently to read it (per-attempt timeout, retries for reads, circuit breaker).
 */
import { z } from 'zod';
import { defineConfigSection, envInt, envUrl } from '../../platform/config.js';
import type { UpstreamPolicyConfig } from '../../platform/upstream/upstream-config.js';
import { upstreamPolicyFields, upstreamPolicyFromEnv } from '../../platform/upstream/upstream-config.js';

export interface SocialCareConfig {
  /** postgres:// connection string of the read-only login (may carry a password: never log it). */
  databaseUrl: string;
  /** The schema holding the SSD tables, set as the connection's search_path. */
  schema: string;
  poolMax: number;
  policy: UpstreamPolicyConfig;
}

// Goes into the connection's startup options unquoted, so only a plain lower-case identifier.
const schemaName = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case schema name (letters, digits, _)');

export const socialCareConfigSection = defineConfigSection(
  'socialCare',
  {
    // The simulator's default: its fault proxy on 55432, as its read-only role (simulators/social-care/main.ts).
    SOCIAL_CARE_DATABASE_URL: envUrl(['postgres', 'postgresql']).default(
      'postgres://ssd_reader@127.0.0.1:55432/postgres',
    ),
    SOCIAL_CARE_SCHEMA: schemaName.default('ssd'),
    SOCIAL_CARE_POOL_MAX: envInt(10, { min: 1, max: 100 }),
    ...upstreamPolicyFields('SOCIAL_CARE'),
  },
  (env): SocialCareConfig => ({
    databaseUrl: env.SOCIAL_CARE_DATABASE_URL as string,
    schema: env.SOCIAL_CARE_SCHEMA as string,
    poolMax: env.SOCIAL_CARE_POOL_MAX as number,
    policy: upstreamPolicyFromEnv('SOCIAL_CARE', 'SOCIAL_CARE', env),
  }),
);
