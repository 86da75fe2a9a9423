/**
 * Reads from the council's SSD through the shared upstream policy: a timeout per attempt, retries with jittered
 * backoff (every read here is idempotent), and a circuit breaker. No more reads run at once than the pool has
 * connections, so the policy times the database, not a queue of our own. Rows are validated with the table's zod schema;
 * failures leave as HubErrors naming the agency and a reason only — never SQL, an id or a value.
 */
import { z } from 'zod';
import { HubError } from '../../platform/errors.js';
import type { UpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { createConcurrencyLimit } from './concurrency-limit.js';
import type { SsdDriver } from './ssd-driver.js';
import { selectWhereAny, type ColumnOf, type RowOf, type SsdTable } from './ssd-tables.js';

export const socialCareAgency = 'SOCIAL_CARE';

export interface SocialCareClient {
  /** Every row of `table` whose `column` is one of `values`, in one statement; no statement for no values. */
  rowsWhereAny<T extends SsdTable>(
    table: T,
    column: ColumnOf<T>,
    values: readonly string[],
  ): Promise<RowOf<T>[]>;
  /** A read with its own SQL (a keyset page, a whole small table); the rows must match `table`'s schema. */
  rows<T extends SsdTable>(table: T, sql: string, params: readonly unknown[]): Promise<RowOf<T>[]>;
  /** Resolves when the database answers a trivial read; not retried, so readiness answers quickly. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface SocialCareClientOptions {
  driver: SsdDriver;
  policy: UpstreamPolicy;
  /** Reads in flight at once: the driver's connection pool size. */
  maxConcurrentReads: number;
}

export function createSocialCareClient(options: SocialCareClientOptions): SocialCareClient {
  const { driver, policy } = options;
  const limit = createConcurrencyLimit(options.maxConcurrentReads);

  async function rows<T extends SsdTable>(table: T, sql: string, params: readonly unknown[]) {
    const raw = await limit(() =>
      policy.execute(() => driver.query(table.name, sql, params), { idempotent: true }),
    );
    const parsed = z.array(table.row).safeParse(raw);
    if (!parsed.success) {
      // Which table and columns were wrong, for the logs; never the values.
      const paths = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.'));
      throw new HubError('UPSTREAM_BAD_PAYLOAD', {
        details: { agency: socialCareAgency, reason: 'UPSTREAM_BAD_PAYLOAD' },
        cause: { table: table.name, paths },
      });
    }
    return parsed.data as RowOf<T>[];
  }

  return {
    rows,
    async rowsWhereAny(table, column, values) {
      const wanted = [...new Set(values)];
      if (wanted.length === 0) return [];
      return rows(table, selectWhereAny(table, column), [wanted]);
    },
    async ping() {
      await limit(() =>
        policy.execute(() => driver.query('ping', 'SELECT 1 AS ok', []), { idempotent: false }),
      );
    },
    close: () => driver.close(),
  };
}
