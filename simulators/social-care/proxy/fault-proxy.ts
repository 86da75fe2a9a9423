import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { RequestCounter } from '../../kit/counters.js';
import type { FaultController } from '../../kit/faults.js';
import { ProxySession } from './proxy-session.js';

export interface FaultProxyOptions {
  upstream: { host: string; port: number };
  faults: FaultController;
  /** Queries counted per table they read. */
  counters: RequestCounter;
  knownTables: ReadonlySet<string>;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The backend serves all connections from one session (PGlite): keep their prepared statement names apart. */
  sharedBackendSession?: boolean;
  /** Called whenever the last client connection closes. */
  onIdle?: () => void;
  /** How often the `down` setting is checked; default 50 ms. */
  downPollMs?: number;
}

export interface FaultProxy {
  host: string;
  port: number;
  openConnections(): number;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * A TCP proxy in front of PostgreSQL that misbehaves the way a real database does, on the wire the hub's `pg`
 * driver speaks: slow answers, errors, answers that never come, corrupt rows, and a server that is not there.
 * While `down`, the listening socket is closed (new connections are refused) and open ones are dropped.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const host = options.host ?? '127.0.0.1';
  const sessions = new Set<ProxySession>();
  let server: Server | null = null;
  let closing = false;
  let nextSessionId = 1;

  const accept = (socket: Socket) => {
    if (closing || options.faults.get().down) {
      socket.destroy();
      return;
    }
    const session = new ProxySession(socket, {
      upstream: options.upstream,
      faults: options.faults,
      counters: options.counters,
      knownTables: options.knownTables,
      sharedBackendSession: options.sharedBackendSession ?? false,
      sessionId: nextSessionId++,
      onClose: () => {
        sessions.delete(session);
        if (sessions.size === 0 && !closing) options.onIdle?.();
      },
    });
    sessions.add(session);
  };

  server = createServer(accept);
  const port = await listen(server, options.port ?? 0, host);

  const goDown = () => {
    const stopping = server;
    server = null;
    if (stopping) void closeServer(stopping);
    for (const session of [...sessions]) session.destroy();
  };
  let reopening = false;
  const goUp = () => {
    if (reopening) return;
    reopening = true;
    const next = createServer(accept);
    listen(next, port, host)
      .then(() => {
        if (closing || options.faults.get().down) void closeServer(next);
        else server = next;
      })
      .catch(() => {
        // The port is briefly unavailable; the next poll tries again.
      })
      .finally(() => {
        reopening = false;
      });
  };

  if (options.faults.get().down) goDown();
  const poll = setInterval(() => {
    const down = options.faults.get().down;
    if (down && server !== null) goDown();
    else if (!down && server === null) goUp();
  }, options.downPollMs ?? 50);
  poll.unref();

  return {
    host,
    port,
    openConnections: () => sessions.size,
    close: async () => {
      closing = true;
      clearInterval(poll);
      const stopping = server;
      server = null;
      for (const session of [...sessions]) session.destroy();
      if (stopping) await closeServer(stopping);
    },
  };
}
