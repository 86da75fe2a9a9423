import type { SqlClient } from '../sql-client.js';

/**
 * A database holding the SSD for the simulator, whichever engine is behind it. The hub never sees this: it meets
 * the database through the fault proxy, logged in as `reader`.
 */
export interface SsdDatabase {
  kind: 'postgres' | 'pglite';
  /** Where the proxy forwards to. */
  upstream: { host: string; port: number };
  databaseName: string;
  schema: string;
  /** The read-only login the hub is given. */
  reader: { user: string; password: string };
  /** Runs `work` in one read-write transaction as the schema's owner (the simulator's write API). */
  withWriteTransaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  /** Called when no hub connection is open. */
  onClientsIdle(): Promise<void>;
  close(): Promise<void>;
}

/** Runs tasks one at a time, in order: for a single connection that must not interleave transactions. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
