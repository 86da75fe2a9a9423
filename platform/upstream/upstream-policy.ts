/**
 * Resilience for calls to an agency system: a timeout per attempt, retries with jittered exponential backoff for
 * idempotent reads only, and a circuit breaker so a failing agency is failed fast instead of hammered. Failures
 * leave as HubErrors naming the agency and a reason code — never a URL, a body or an identifier.
 */
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { HubError, isHubError } from '../errors.js';
import type { UpstreamPolicyConfig } from './upstream-config.js';

/** A failure the upstream may recover from on its own (5xx, 429, network): worth a retry and counts against the breaker. */
export class TransientUpstreamError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TransientUpstreamError';
  }
}

export interface UpstreamPolicy {
  /** Runs one call; `idempotent` reads are retried, writes are not. */
  execute<T>(work: (signal: AbortSignal) => Promise<T>, options?: { idempotent?: boolean }): Promise<T>;
  readonly circuitState: () => 'closed' | 'open' | 'half-open' | 'isolated';
}

export function createUpstreamPolicy(config: UpstreamPolicyConfig): UpstreamPolicy {
  const isTransient = (error: Error) =>
    error instanceof TransientUpstreamError || error instanceof TaskCancelledError;
  const breaker = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: config.breakerHalfOpenMs,
    breaker: new ConsecutiveBreaker(config.breakerThreshold),
  });
  const perAttemptTimeout = timeout(config.timeoutMs, TimeoutStrategy.Aggressive);
  const withRetry: IPolicy = wrap(
    retry(handleWhen(isTransient), {
      maxAttempts: config.retries,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1000 }),
    }),
    breaker,
    perAttemptTimeout,
  );
  const withoutRetry: IPolicy = wrap(breaker, perAttemptTimeout);
  const stateNames = ['closed', 'open', 'half-open', 'isolated'] as const;

  return {
    async execute(work, options = {}) {
      const policy = options.idempotent === false ? withoutRetry : withRetry;
      try {
        // A signal per call: without one cockatiel shares a single signal across calls and adds an abort listener
        // to it per concurrent call (MaxListenersExceededWarning past ten).
        return await policy.execute(({ signal }) => work(signal), new AbortController().signal);
      } catch (error) {
        throw toHubError(error, config.agency);
      }
    },
    circuitState: () => stateNames[breaker.state] ?? 'closed',
  };
}

export function toHubError(error: unknown, agency: string): HubError {
  if (isHubError(error)) return error;
  if (error instanceof BrokenCircuitError) {
    return new HubError('UPSTREAM_UNAVAILABLE', {
      details: { agency, reason: 'CIRCUIT_OPEN' },
      cause: error,
    });
  }
  if (error instanceof TaskCancelledError) {
    return new HubError('UPSTREAM_TIMEOUT', {
      details: { agency, reason: 'UPSTREAM_TIMEOUT' },
      cause: error,
    });
  }
  if (error instanceof TransientUpstreamError) {
    return new HubError('UPSTREAM_UNAVAILABLE', { details: { agency, reason: error.reason }, cause: error });
  }
  return new HubError('UPSTREAM_UNAVAILABLE', {
    details: { agency, reason: 'UPSTREAM_FAILED' },
    cause: error,
  });
}
