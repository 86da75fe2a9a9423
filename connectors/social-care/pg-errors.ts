/**
 * What a failed PostgreSQL read means for the hub. Errors the database (or the network to it) may recover from on
 * its own are `TransientUpstreamError`s: retried for reads and counted by the circuit breaker. The rest (a missing
 * table or column, a refused login) will fail the same way next time, so they are not retried. Either way only a
 * reason code leaves: pg errors can carry SQL, parameters or row values.
 */
import { HubError } from '../../platform/errors.js';
import { TransientUpstreamError } from '../../platform/upstream/upstream-policy.js';

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// pg's own messages for a connection that went away or never came (it sets no code on these).
const connectionMessages = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /not queryable/,
  /^Query read timeout/,
];

/** SQLSTATE classes and codes a retry can outlive: connection, resources, shutdown, system error, contention. */
function isTransientSqlState(code: string): boolean {
  const sqlClass = code.slice(0, 2);
  return (
    sqlClass === '08' ||
    sqlClass === '53' ||
    sqlClass === '57' ||
    sqlClass === '58' ||
    code === '40001' ||
    code === '40P01'
  );
}

export function toDriverError(error: unknown, agency: string): Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const reason = `UPSTREAM_SQLSTATE_${code}`;
    if (isTransientSqlState(code)) return new TransientUpstreamError(reason);
    return new HubError('UPSTREAM_UNAVAILABLE', { details: { agency, reason } });
  }
  if (typeof code === 'string' && networkCodes.has(code)) {
    return new TransientUpstreamError('UPSTREAM_CONNECTION_FAILED');
  }
  const message = error instanceof Error ? error.message : '';
  if (connectionMessages.some((pattern) => pattern.test(message))) {
    return new TransientUpstreamError('UPSTREAM_CONNECTION_FAILED');
  }
  return new HubError('UPSTREAM_UNAVAILABLE', { details: { agency, reason: 'UPSTREAM_FAILED' } });
}
