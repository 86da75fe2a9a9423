/**
 * GraphQL hardening for the gateway: limits on the shape of an operation, an optional allow-list of operations,
 * and a per-user rate limit. A library: server.ts wires it in (README.md shows how); nothing here listens or logs.
 */
export {
  hardeningConfigSection,
  hardeningDefaults,
  type HardeningConfig,
  type OperationLimitsConfig,
  type PersistedQueriesConfig,
} from './hardening-config.js';
export {
  createOperationLimits,
  type OperationLimits,
  type OperationLimitsOptions,
} from './operation-limits.js';
export { limitMessage, type LimitName } from './limit-rejection.js';
export { withoutSuggestions } from './hide-suggestions.js';
export {
  loadPersistedQueryManifest,
  parsePersistedQueryManifest,
  sha256Hex,
  type PersistedOperation,
  type PersistedQueryManifest,
} from './persisted-query-manifest.js';
export {
  admit,
  createPersistedQueryPlugin,
  PERSISTED_QUERY_NOT_ALLOWED,
  type Admission,
  type PersistedQueryPluginOptions,
} from './persisted-query-plugin.js';
export {
  createUserRateLimiter,
  type RateLimitDecision,
  type UserRateLimiter,
  type UserRateLimiterOptions,
} from './user-rate-limiter.js';
export { rateLimitedResponse, type RateLimitedResponse } from './rate-limited-response.js';
