/**
 * The child-view benchmark's hub side, in its own process (NODE_ENV=production, set by the parent): sets up the
 * store, connectors, identity index and both schemas (hub-side.ts), and serves each schema on the same stack as
 * the hub (buildGateway, production, introspection off), once per executor asked for. Each server also answers a
 * few /bench/* routes for the parent: answers sent, process CPU, and (when asked) CPU profiles of a run.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { AgencyCode } from '../../connectors/connector.js';
import { buildGateway, type GatewayDeps } from '../../gateway/server.js';
import { serveInChildProcess } from './child-process.js';
import { setUpHubSide, type HubSide, type HubSideOptions, type Variant } from './hub-side.js';
import { openTestAccess } from '../../gateway/access/testing.js';

export type Executor = NonNullable<GatewayDeps['executor']>;
export type { Variant };

export interface HubStart extends HubSideOptions {
  executors: Executor[];
  /** Where to write a V8 CPU profile of each measured run (POST /bench/profile/start, /stop); none when absent. */
  profileDir?: string;
}

export interface HubServer {
  variant: Variant;
  executor: Executor;
  url: string;
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

serveInChildProcess<HubStart, HubReady>(async (start) => {
  const hub = await setUpHubSide(start);
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeServer of closers.reverse()) await closeServer().catch(() => undefined);
    await hub.close();
  };
  try {
    const servers: HubServer[] = [];
    for (const executor of start.executors) {
      for (const variant of ['monolith', 'stitched'] as const) {
        const gateway = await buildGateway({
          config: { ...hub.config.gateway, host: '127.0.0.1', port: 0, introspection: false },
          nodeEnv: 'production',
          logger: hub.logger,
          schema: hub.schemas[variant],
          readinessChecks: [],
          access: openTestAccess(),
          executor,
        });
        closers.push(() => gateway.close());
        // GraphQL answers sent, and those with errors (Apollo writes `errors` first): a 200 under load may still
        // carry an agency's failure, which would flatter that variant. The parent reads both around each run.
        const counts = { responses: 0, errors: 0 };
        gateway.addHook('onSend', async (request, _reply, payload) => {
          if (request.url !== '/graphql') return payload;
          counts.responses += 1;
          if (typeof payload === 'string' && payload.startsWith('{"errors"')) counts.errors += 1;
          return payload;
        });
        gateway.get('/bench/counts', async () => counts);
        gateway.get('/bench/cpu', async () => process.cpuUsage());
        const profileDir = start.profileDir;
        if (profileDir !== undefined) {
          gateway.post('/bench/profile/start', async () => profiler.start());
          gateway.post<{ Body: { name: string } }>('/bench/profile/stop', async (request) =>
            profiler.stop(join(profileDir, `${request.body.name.replace(/[^\w.-]+/g, '_')}.cpuprofile`)),
          );
        }
        servers.push({ variant, executor, url: await gateway.listen({ host: '127.0.0.1', port: 0 }) });
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
