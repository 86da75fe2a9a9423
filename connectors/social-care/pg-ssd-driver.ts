/**
 * The SSD driver for PostgreSQL: a `pg.Pool` on the council's read-only login. Every value comes back as text
 * (type parsers set on this pool only, never pg's global ones), so zod sees exactly what the server sent.
 */
import pg from 'pg';
import { isHubError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import { TransientUpstreamError } from '../../platform/upstream/upstream-policy.js';
import { toDriverError } from './pg-errors.js';
import type { SsdDriver, SsdRow } from './ssd-driver.js';

export interface PgSsdDriverOptions {
  agency: string;
  connectionString: string;
  /** Set as search_path, so SQL names tables unqualified. Must be a plain identifier (config checks it). */
  schema: string;
  poolMax: number;
  /** The policy's per-attempt timeout: the server stops the statement, and the client gives up, around then. */
  timeoutMs: number;
  logger?: Logger;
}

// Text for every type: a timestamp the server sends as `not-a-date` must reach zod as that, not as null.
const textTypes = { getTypeParser: () => (value: string) => value };

/**
 * Both timeouts are set: the server's statement_timeout stops a slow statement, but only the client's read timeout
 * fires when an answer is held on the way back. The read timeout runs a little past the policy's, so the policy
 * reports the timeout (TIMED_OUT) and this one frees the connection (pool.query then discards it as broken).
 */
const readTimeoutMarginMs = 250;

export function createPgSsdDriver(options: PgSsdDriverOptions): SsdDriver {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolMax,
    options: `-c search_path=${options.schema}`,
    application_name: 'child-view-hub',
    statement_timeout: options.timeoutMs,
    query_timeout: options.timeoutMs + readTimeoutMarginMs,
    connectionTimeoutMillis: options.timeoutMs,
    idleTimeoutMillis: 30_000,
    types: textTypes,
  });
  // An idle connection that drops (database restarted, proxy down) must not take the process with it.
  pool.on('error', (error) => {
    options.logger?.warn(
      { agency: options.agency, reason: reasonOf(toDriverError(error, options.agency)) },
      'social care database connection lost',
    );
  });

  return {
    async query(_table, sql, params) {
      try {
        // pool.query releases a failed connection as broken, so a held or timed-out one is never reused.
        const result = await pool.query<SsdRow>(sql, [...params]);
        return result.rows;
      } catch (error) {
        throw toDriverError(error, options.agency);
      }
    },
    close: () => pool.end(),
  };
}

function reasonOf(error: Error): string {
  if (error instanceof TransientUpstreamError) return error.reason;
  const reason = isHubError(error) ? error.details?.['reason'] : undefined;
  return typeof reason === 'string' ? reason : 'UPSTREAM_FAILED';
}
