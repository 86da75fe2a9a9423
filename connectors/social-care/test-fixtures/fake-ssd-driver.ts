/**
 * An in-memory SsdDriver for unit tests: serves hand-written rows (text values, as PostgreSQL sends them) for the
 * few statement shapes the connector issues, records every statement, and can be scripted to fail or hang.
 */
import { TransientUpstreamError } from '../../../platform/upstream/upstream-policy.js';
import type { SsdDriver, SsdRow } from '../ssd-driver.js';

/** What the next statements do: answer, fail as the database would (transiently), or never answer. */
export type Step = 'ok' | 'fail' | 'hang';

export interface FakeSsdDriver extends SsdDriver {
  statements: Array<{ table: string; sql: string; params: readonly unknown[] }>;
  script: Step[];
  /** Statements per table, as the simulator's counters report them. */
  countsByTable(): Record<string, number>;
}

const selectPattern = /^SELECT (.+?) FROM (\w+)/s;
const anyPattern = /WHERE (\w+) = ANY\(\$1\)/;
const keysetPattern = /(\w+) > \$1\) ORDER BY \w+ LIMIT \$2/;

export function createFakeSsdDriver(tables: Record<string, SsdRow[]>): FakeSsdDriver {
  const driver: FakeSsdDriver = {
    statements: [],
    script: [],
    countsByTable() {
      const counts: Record<string, number> = {};
      for (const { table } of driver.statements) counts[table] = (counts[table] ?? 0) + 1;
      return counts;
    },
    async query(table, sql, params) {
      driver.statements.push({ table, sql, params });
      const step = driver.script.shift() ?? 'ok';
      if (step === 'fail') throw new TransientUpstreamError('UPSTREAM_SQLSTATE_58000');
      if (step === 'hang') return new Promise<SsdRow[]>(() => undefined);
      const select = selectPattern.exec(sql);
      if (!select) return [{ ok: '1' }];
      const [, columnList = '', name = ''] = select;
      const columns = columnList.split(',').map((column) => column.trim());
      let rows = tables[name] ?? [];
      const any = anyPattern.exec(sql);
      if (any) {
        const wanted = new Set(params[0] as string[]);
        rows = rows.filter((row) => wanted.has(row[any[1] ?? ''] ?? ''));
      }
      const keyset = keysetPattern.exec(sql);
      if (keyset) {
        const column = keyset[1] ?? '';
        const after = params[0] as string | null;
        rows = [...rows]
          .sort((a, b) => ((a[column] ?? '') < (b[column] ?? '') ? -1 : 1))
          .filter((row) => after === null || (row[column] ?? '') > after)
          .slice(0, params[1] as number);
      }
      return rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null])));
    },
    close: async () => undefined,
  };
  return driver;
}
