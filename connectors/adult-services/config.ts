/**
 * The adult services connector's config section: where the adult social care system's API is, and how patiently
 * to call it (per-attempt timeout, retries for reads, circuit breaker).
 */
import { defineConfigSection, envUrl } from '../../platform/config.js';
import type { UpstreamPolicyConfig } from '../../platform/upstream/upstream-config.js';
import { upstreamPolicyFields, upstreamPolicyFromEnv } from '../../platform/upstream/upstream-config.js';

export interface AdultServicesConfig {
  /** API base URL without a trailing slash (e.g. http://127.0.0.1:4104/adult/v1). */
  baseUrl: string;
  policy: UpstreamPolicyConfig;
}

export const adultServicesConfigSection = defineConfigSection(
  'adultServices',
  {
    ADULT_SERVICES_BASE_URL: envUrl(['http', 'https']).default('http://127.0.0.1:4104/adult/v1'),
    ...upstreamPolicyFields('ADULT_SERVICES'),
  },
  (env): AdultServicesConfig => ({
    baseUrl: (env.ADULT_SERVICES_BASE_URL as string).replace(/\/+$/, ''),
    policy: upstreamPolicyFromEnv('ADULT_SERVICES', 'ADULT_SERVICES', env),
  }),
);
