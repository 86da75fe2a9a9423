/**
 * The education connector's config section: where the education / SEND system's API is, and how patiently to
 * call it (per-attempt timeout, retries for reads, circuit breaker).
 */
import { defineConfigSection, envUrl } from '../../platform/config.js';
import type { UpstreamPolicyConfig } from '../../platform/upstream/upstream-config.js';
import { upstreamPolicyFields, upstreamPolicyFromEnv } from '../../platform/upstream/upstream-config.js';

export interface EducationConfig {
  /** API base URL without a trailing slash (e.g. http://127.0.0.1:4103/education/v1). */
  baseUrl: string;
  policy: UpstreamPolicyConfig;
}

export const educationConfigSection = defineConfigSection(
  'education',
  {
    EDUCATION_BASE_URL: envUrl(['http', 'https']).default('http://127.0.0.1:4103/education/v1'),
    ...upstreamPolicyFields('EDUCATION'),
  },
  (env): EducationConfig => ({
    baseUrl: (env.EDUCATION_BASE_URL as string).replace(/\/+$/, ''),
    policy: upstreamPolicyFromEnv('EDUCATION', 'EDUCATION', env),
  }),
);
