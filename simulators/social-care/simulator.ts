import type { FastifyServerOptions } from 'fastify';
import type { AddressInfo } from 'node:net';
import { RequestCounter } from '../kit/counters.js';
import type { FaultController } from '../kit/faults.js';
import type { WebhookSender } from '../kit/webhooks.js';
import type { Population } from '../population/model.js';
import { openPgliteDatabase } from './database/pglite-database.js';
import { openPostgresDatabase } from './database/postgres-database.js';
import type { SsdDatabase } from './database/ssd-database.js';
import { startFaultProxy } from './proxy/fault-proxy.js';
import { countedRelationNames } from './ssd-schema/all-tables.js';
import { createSocialCareWriteServer } from './write-api/write-server.js';

export type SocialCareDatabaseConfig =
  | {
      kind: 'postgres';
      /** Owner connection to a real server; the simulator creates `schema` and a read-only role in it. */
      url: string;
      schema: string;
      readerRole?: string;
      readerPassword?: string;
      dropSchemaOnClose?: boolean;
    }
  | { kind: 'pglite'; dataDir?: string; schema?: string };

export interface SocialCareSimulatorOptions {
  population: Population;
  database: SocialCareDatabaseConfig;
  /** Where the hub connects (the fault proxy); 0 or absent picks a free port. */
  proxyPort?: number;
  /** Write API and /admin routes; 0 or absent picks a free port. */
  httpPort?: number;
  webhooks: WebhookSender;
  faults: FaultController;
  logger?: FastifyServerOptions['logger'];
}

export interface SocialCareSimulator {
  /** postgresql:// URL through the fault proxy, logged in as the read-only role (search_path = the SSD schema). */
  connectionString: string;
  /** Base URL of the HTTP server: the write API (POST /placements ...) and /admin/* (faults, per-table counters). */
  adminUrl: string;
  proxyPort: number;
  schema: string;
  /** Queries seen by the proxy, per SSD table. */
  counters: RequestCounter;
  close(): Promise<void>;
}

const host = '127.0.0.1';

function openDatabase(options: SocialCareSimulatorOptions): Promise<SsdDatabase> {
  const config = options.database;
  if (config.kind === 'postgres') {
    return openPostgresDatabase({
      url: config.url,
      schema: config.schema,
      population: options.population,
      ...(config.readerRole === undefined ? {} : { readerRole: config.readerRole }),
      ...(config.readerPassword === undefined ? {} : { readerPassword: config.readerPassword }),
      ...(config.dropSchemaOnClose === undefined ? {} : { dropSchemaOnClose: config.dropSchemaOnClose }),
    });
  }
  return openPgliteDatabase({
    schema: config.schema ?? 'ssd',
    population: options.population,
    ...(config.dataDir === undefined ? {} : { dataDir: config.dataDir }),
  });
}

/**
 * The children's social care system as the hub meets it: the SSD in PostgreSQL or PGlite, reachable only through
 * a fault-injecting proxy as a read-only login, plus an HTTP side that makes changes and announces them by webhook.
 */
export async function startSocialCareSimulator(
  options: SocialCareSimulatorOptions,
): Promise<SocialCareSimulator> {
  const counters = new RequestCounter();
  const database = await openDatabase(options);
  const cleanups: Array<() => Promise<void>> = [() => database.close()];
  let closing: Promise<void> | null = null;
  const closeAll = () => {
    closing ??= (async () => {
      for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => undefined);
    })();
    return closing;
  };

  try {
    const proxy = await startFaultProxy({
      upstream: database.upstream,
      faults: options.faults,
      counters,
      knownTables: countedRelationNames,
      host,
      port: options.proxyPort ?? 0,
      sharedBackendSession: database.kind === 'pglite',
      onIdle: () => void database.onClientsIdle().catch(() => undefined),
    });
    cleanups.push(() => proxy.close());

    const app = createSocialCareWriteServer({
      database,
      faults: options.faults,
      counters,
      webhooks: options.webhooks,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    await app.listen({ host, port: options.httpPort ?? 0 });
    cleanups.push(() => app.close());
    const httpPort = (app.server.address() as AddressInfo).port;

    const { user, password } = database.reader;
    const connectionString =
      `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}` +
      `@${host}:${proxy.port}/${encodeURIComponent(database.databaseName)}`;
    return {
      connectionString,
      adminUrl: `http://${host}:${httpPort}`,
      proxyPort: proxy.port,
      schema: database.schema,
      counters,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
