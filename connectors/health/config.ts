/**
 * The health connector's config section: where the GP system's FHIR R4 base is, how patiently to call it, and how
 * many patients one search page asks for.
 */
import { defineConfigSection, envInt, envUrl } from '../../platform/config.js';
import type { UpstreamPolicyConfig } from '../../platform/upstream/upstream-config.js';
import { upstreamPolicyFields, upstreamPolicyFromEnv } from '../../platform/upstream/upstream-config.js';

export interface HealthConfig {
  /** FHIR R4 base URL, without a trailing slash (e.g. http://127.0.0.1:4102/fhir). */
  fhirBaseUrl: string;
  policy: UpstreamPolicyConfig;
  /**
   * The most patients one search page asks for (`_count`). A page of 100 children, with the odd duplicate record,
   * should fit in one page; servers that allow fewer answer with `next` links, which the client follows.
   */
  pageSize: number;
}

export const healthConfigSection = defineConfigSection(
  'health',
  {
    HEALTH_FHIR_BASE_URL: envUrl(['http', 'https']).default('http://127.0.0.1:4102/fhir'),
    ...upstreamPolicyFields('HEALTH'),
    HEALTH_PAGE_SIZE: envInt(200, { min: 1, max: 1000 }),
  },
  (env): HealthConfig => ({
    fhirBaseUrl: env.HEALTH_FHIR_BASE_URL.replace(/\/+$/, ''),
    policy: upstreamPolicyFromEnv('HEALTH', 'HEALTH', env),
    pageSize: env.HEALTH_PAGE_SIZE as number,
  }),
);
