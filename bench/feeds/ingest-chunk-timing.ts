/**
 * Where a chunk's wall time goes. `ingestFeed` runs each chunk in one `db.transaction`; this Db passes every call
 * through to the real one and times each transaction, each statement in it (named by what it does), the work
 * between statements (validation, matching and version decisions in this process) and the rest of the
 * transaction (taking a pooled connection, BEGIN, COMMIT with its WAL flush); and statements run outside chunks.
 */
import { performance } from 'node:perf_hooks';
import type { Db, Tx } from '../../store/db.js';

export interface ChunkTiming {
  start: number;
  end: number;
}

export interface ChunkTimer {
  db: Db;
  chunks: ChunkTiming[];
  /** Milliseconds summed over all chunks, by statement or phase. */
  phases: Map<string, number>;
}

/** Statements of feeds/ingest/, by a fragment of their SQL; anything else by its first words. */
const statementNames: Array<[RegExp, string]> = [
  [/^\s*UPDATE feeds SET status = 'PROCESSED'/, 'finish feed'],
  [/FROM feeds WHERE id = \$1 FOR UPDATE/, 'lock feed'],
  [/^\s*SELECT kind, status FROM feeds WHERE id = \$1\s*$/, 'feed kind'],
  [/FROM feed_records WHERE feed_id = \$1 AND position > \$2/, 'patient index'],
  [/FROM feed_records\s+WHERE feed_id = \$1 AND state = 'PENDING'/, 'take pending'],
  [/FROM feed_records WHERE feed_id = \$1 AND position = \$2/, 'read header'],
  [/FROM agency_records/, 'match children'],
  [/^\s*SELECT[\s\S]*FROM feed_(school_returns|gp_resources)/, 'load landed'],
  [/^\s*INSERT INTO feed_(school_returns|gp_resources)/, 'write landed'],
  [/^\s*UPDATE feed_records/, 'settle records'],
  [/^\s*INSERT INTO feed_dead_letters/, 'dead letters'],
  [/^\s*INSERT INTO feed_follow_ups/, 'record follow-ups'],
  [/FROM feed_follow_ups/, 'read follow-ups'],
  [/^\s*UPDATE feed_follow_ups/, 'mark follow-ups'],
];

function statementName(sql: string): string {
  return statementNames.find(([pattern]) => pattern.test(sql))?.[1] ?? sql.trim().slice(0, 40);
}

export function chunkTimer(db: Db): ChunkTimer {
  const chunks: ChunkTiming[] = [];
  const phases = new Map<string, number>();
  const add = (phase: string, ms: number) => phases.set(phase, (phases.get(phase) ?? 0) + ms);
  const timed: Db = {
    ...db,
    // Statements outside a chunk's transaction: the GP feed's patient index, follow-ups handed on.
    async query(sql, params) {
      const queryStart = performance.now();
      try {
        return await db.query(sql, params);
      } finally {
        add(`SQL outside chunks: ${statementName(sql)}`, performance.now() - queryStart);
      }
    },
    async transaction(fn) {
      const start = performance.now();
      let inStatements = 0;
      let inFn = 0;
      const result = await db.transaction(async (tx) => {
        const fnStart = performance.now();
        const timedTx: Tx = {
          ...tx,
          async query(sql, params) {
            const queryStart = performance.now();
            try {
              return await tx.query(sql, params);
            } finally {
              const ms = performance.now() - queryStart;
              inStatements += ms;
              add(`SQL ${statementName(sql)}`, ms);
            }
          },
        };
        try {
          return await fn(timedTx);
        } finally {
          inFn = performance.now() - fnStart;
        }
      });
      const end = performance.now();
      chunks.push({ start, end });
      add('in-process work between statements', inFn - inStatements);
      add('connection, BEGIN, COMMIT', end - start - inFn);
      return result;
    },
  };
  return { db: timed, chunks, phases };
}
