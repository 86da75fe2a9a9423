import { envInt } from '../config.js';

/** Resilience settings every upstream client takes; each connector declares them under its own env prefix. */
export interface UpstreamPolicyConfig {
  /** The agency code, for errors and metrics (never a URL or an identifier). */
  agency: string;
  timeoutMs: number;
  /** Extra attempts for idempotent reads after the first. */
  retries: number;
  /** Consecutive failures that open the circuit. */
  breakerThreshold: number;
  /** How long an open circuit waits before letting one trial call through. */
  breakerHalfOpenMs: number;
}

/** The env-var schema fields for one upstream's policy, e.g. `upstreamPolicyFields('HEALTH')`. */
export function upstreamPolicyFields(prefix: string) {
  return {
    [`${prefix}_TIMEOUT_MS`]: envInt(2000, { min: 50, max: 60_000 }),
    [`${prefix}_RETRIES`]: envInt(2, { min: 0, max: 5 }),
    [`${prefix}_BREAKER_THRESHOLD`]: envInt(5, { min: 1, max: 100 }),
    [`${prefix}_BREAKER_HALF_OPEN_MS`]: envInt(10_000, { min: 100, max: 600_000 }),
  };
}

export function upstreamPolicyFromEnv(
  agency: string,
  prefix: string,
  env: Record<string, unknown>,
): UpstreamPolicyConfig {
  return {
    agency,
    timeoutMs: env[`${prefix}_TIMEOUT_MS`] as number,
    retries: env[`${prefix}_RETRIES`] as number,
    breakerThreshold: env[`${prefix}_BREAKER_THRESHOLD`] as number,
    breakerHalfOpenMs: env[`${prefix}_BREAKER_HALF_OPEN_MS`] as number,
  };
}
