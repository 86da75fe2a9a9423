/**
 * The child-view benchmark's hub side, in its own process (NODE_ENV=production, set by the parent): sets up the
 * store, connectors, identity index and both schemas (hub-side.ts), and serves each schema on the same stack as
 * the hub (buildGateway, production, introspection off), once per executor, schema and audit sink asked for. Every
 * server's caller sees every category and every child in the index is admitted (and listed). Each server also
 * answers a few /bench/* routes for the parent: requests received and answered, process CPU, what its audit sink
 * took, and (when asked) CPU profiles of a run.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { AgencyCode } from '../../connectors/connector.js';
import { buildGateway, type GatewayDeps } from '../../gateway/server.js';
import { serveInChildProcess } from './child-process.js';
import { setUpHubSide, type HubSide, type HubSideOptions, type Variant } from './hub-side.js';
import {
  admitEveryChild,
  DiscardAuditSink,
  MemoryAuditSink,
  openTestAccess,
} from '../../gateway/access/testing.js';
import { AuditWriter, type AuditSink } from '../../store/audit/audit-writer.js';
import type { Queryable } from '../../store/db.js';

export type Executor = NonNullable<GatewayDeps['executor']>;
export type { Variant };

/**
 * Where a server's access audit goes: kept in memory (MemoryAuditSink), accepted and dropped (DiscardAuditSink), or
 * committed to the hub side's store by the real AuditWriter (one per process, shared by every durable server).
 */
export type AuditMode = 'memory' | 'discard' | 'durable';

export interface HubStart extends HubSideOptions {
  executors: Executor[];
  /** The schemas to serve; both when absent. */
  variants?: Variant[];
  /** One server per audit sink listed, for each executor and schema; in memory when absent. */
  audits?: AuditMode[];
  /** Where to write a V8 CPU profile of each measured run (POST /bench/profile/start, /stop); none when absent. */
  profileDir?: string;
}

export interface HubServer {
  variant: Variant;
  executor: Executor;
  audit: AuditMode;
  url: string;
}

/** GET /bench/audit: events the server's sink took; for a durable one also its batches and the rows in the store. */
export interface AuditFigures {
  events: number;
  batches: number | null;
  failedBatches: number | null;
  /** Time the writer's transactions took, summed (ms). */
  batchMs: number | null;
  /** Rows in access_audit (every durable server's, this process's writer being the only one). */
  rows: number | null;
}

export interface HubReady {
  servers: HubServer[];
  connectors: string[];
  agencies: AgencyCode[];
  childId: string;
  childRecords: number;
  identity: HubSide['identity'];
  maxBatchSize: number;
}

/** The V8 CPU profiler of this process (what --cpu-prof uses), started and stopped around one measured run. */
const profiler = (() => {
  const session = new Session();
  session.connect();
  return {
    start: async () => {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return { started: true };
    },
    stop: async (file: string) => {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      return { file };
    },
  };
})();

/** The sink a server records its access audit to (the durable writer is the process's one). */
function auditSink(audit: AuditMode, writer: AuditWriter | undefined): AuditSink {
  if (audit === 'durable') {
    if (!writer) throw new Error('no audit writer');
    return writer;
  }
  return audit === 'discard' ? new DiscardAuditSink() : new MemoryAuditSink();
}

async function auditFigures(sink: AuditSink, db: Queryable, batchMs: number): Promise<AuditFigures> {
  if (!(sink instanceof AuditWriter)) {
    const events =
      sink instanceof MemoryAuditSink
        ? sink.events.length
        : sink instanceof DiscardAuditSink
          ? sink.events
          : 0;
    return { events, batches: null, failedBatches: null, batchMs: null, rows: null };
  }
  const stats = sink.stats();
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM access_audit');
  return {
    events: stats.events,
    batches: stats.batches,
    failedBatches: stats.failedBatches,
    batchMs,
    rows: rows[0]?.n ?? 0,
  };
}

serveInChildProcess<HubStart, HubReady>(async (start) => {
  const hub = await setUpHubSide(start);
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeServer of closers.reverse()) await closeServer().catch(() => undefined);
    await hub.close();
  };
  try {
    const audits = start.audits ?? ['memory'];
    // Closed after the servers (closers run in reverse) and before the store, so everything recorded is committed.
    let batchMs = 0;
    const writer = audits.includes('durable')
      ? new AuditWriter(hub.db, { logger: hub.logger, onBatch: (batch) => void (batchMs += batch.ms) })
      : undefined;
    if (writer) closers.push(() => writer.close());
    const served = (start.variants ?? (['monolith', 'stitched'] as const)).flatMap((variant) =>
      audits.map((audit) => ({ variant, audit })),
    );
    const servers: HubServer[] = [];
    for (const executor of start.executors) {
      for (const { variant, audit } of served) {
        const sink = auditSink(audit, writer);
        const gateway = await buildGateway({
          config: { ...hub.config.gateway, host: '127.0.0.1', port: 0, introspection: false },
          nodeEnv: 'production',
          logger: hub.logger,
          schema: hub.schemas[variant],
          readinessChecks: [],
          // The gateway lists only the children the caller may reach: with the store, that is every child.
          access: openTestAccess({ decider: admitEveryChild({ db: hub.db }), audit: sink }),
          executor,
        });
        closers.push(() => gateway.close());
        // GraphQL requests received, answers sent, and those with errors (Apollo writes `errors` first): a 200 under
        // load may still carry an agency's failure, which would flatter that variant. The parent reads them around
        // each run, and waits for received = answered before counting what a run left in the audit.
        const counts = { received: 0, responses: 0, errors: 0 };
        gateway.addHook('onRequest', async (request) => {
          if (request.url === '/graphql') counts.received += 1;
        });
        gateway.addHook('onSend', async (request, _reply, payload) => {
          if (request.url !== '/graphql') return payload;
          counts.responses += 1;
          if (typeof payload === 'string' && payload.startsWith('{"errors"')) counts.errors += 1;
          return payload;
        });
        gateway.get('/bench/counts', async () => counts);
        gateway.get('/bench/cpu', async () => process.cpuUsage());
        gateway.get('/bench/audit', async () => auditFigures(sink, hub.db, batchMs));
        const profileDir = start.profileDir;
        if (profileDir !== undefined) {
          gateway.post('/bench/profile/start', async () => profiler.start());
          gateway.post<{ Body: { name: string } }>('/bench/profile/stop', async (request) =>
            profiler.stop(join(profileDir, `${request.body.name.replace(/[^\w.-]+/g, '_')}.cpuprofile`)),
          );
        }
        servers.push({ variant, executor, audit, url: await gateway.listen({ host: '127.0.0.1', port: 0 }) });
      }
    }
    return {
      ready: {
        servers,
        connectors: hub.connectors.map((connector) => connector.name),
        agencies: hub.agencies,
        childId: hub.child.id,
        childRecords: hub.child.records,
        identity: hub.identity,
        maxBatchSize: hub.config.gateway.maxBatchSize,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
});
