import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { RequestCounter } from '../../kit/counters.js';
import type { FaultAction, FaultController } from '../../kit/faults.js';
import { malformDataRow } from './malformed-row.js';
import type { FieldDescription } from './pg-wire.js';
import {
  MessageFramer,
  cancelRequestCode,
  errorResponse,
  gssEncRequestCode,
  messageType,
  parseBind,
  parseClose,
  parseExecute,
  parseParse,
  parseQueryText,
  parseRowDescription,
  readyForQuery,
  readyStatus,
  sslRequestCode,
  startupCode,
} from './pg-wire.js';
import { StatementNamespace } from './statement-namespace.js';
import { StatementTables } from './statement-tables.js';

/** SQLSTATE of injected errors: 58000 system_error, a failure outside the query, as a flaky server gives. */
export const injectedErrorCode = '58000';
export const injectedErrorMessage = 'simulated fault: the social care database failed to answer';

export interface SessionDeps {
  upstream: { host: string; port: number };
  faults: FaultController;
  counters: RequestCounter;
  knownTables: ReadonlySet<string>;
  /**
   * The backend serves every connection from one session (PGlite): give this connection's named statements and
   * portals a private prefix so pooled connections do not collide. `sessionId` makes the prefix unique.
   */
  sharedBackendSession: boolean;
  sessionId: number;
  onClose: () => void;
}

/**
 * The responses to one query cycle (a simple Query, or extended-protocol messages up to Sync), released to the
 * client in order once their added latency has passed. A cycle answered by the proxy itself (an injected error)
 * never reaches the database.
 */
interface Cycle {
  action: Exclude<FaultAction, 'down'>;
  local: boolean;
  releaseAt: number;
  chunks: Buffer[];
  /** The database (or the proxy, for a local cycle) has sent ReadyForQuery. */
  complete: boolean;
  /** Malformed cycles: the row shape, and whether a row has been corrupted yet. */
  fields: FieldDescription[] | null;
  malformDone: boolean;
}

// Frontend messages that open or continue a query cycle; Query and FunctionCall are whole cycles on their own.
const singleMessageCycles = new Set(['Q', 'F']);
const extendedMessages = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'S']);

/** One client connection through the proxy and its own connection to the database. */
export class ProxySession {
  private readonly upstreamSocket: Socket;
  private readonly clientFramer = new MessageFramer({ untyped: true });
  private readonly serverFramer = new MessageFramer({ untyped: false });
  private readonly statements: StatementTables;
  private readonly namespace: StatementNamespace | null;
  private readonly queue: Cycle[] = [];
  private openCycle: Cycle | null = null;
  private startupDone = false;
  private transactionStatus: 'I' | 'T' | 'E' = 'I';
  private releaseTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly client: Socket,
    private readonly deps: SessionDeps,
  ) {
    this.statements = new StatementTables(deps.knownTables);
    this.namespace = deps.sharedBackendSession ? new StatementNamespace(`proxy${deps.sessionId}_`) : null;
    client.setNoDelay(true);
    this.upstreamSocket = connect({ host: deps.upstream.host, port: deps.upstream.port });
    this.upstreamSocket.setNoDelay(true);

    // Whole chunks are framed before anything is released, so a large result goes out in few writes.
    // A client's batch (Parse/Bind/Execute/Sync) goes on as one write, as it arrived: a backend that reads
    // messages from several connections into one session must not see another connection's in between.
    client.on('data', (chunk: Buffer) =>
      this.guard(() => {
        this.upstreamSocket.cork();
        try {
          this.clientFramer.push(chunk, (m) => this.fromClient(m));
        } finally {
          this.upstreamSocket.uncork();
        }
        this.release();
      }),
    );
    this.upstreamSocket.on('data', (chunk: Buffer) =>
      this.guard(() => {
        this.serverFramer.push(chunk, (m) => this.fromServer(m));
        this.release();
      }),
    );
    // Backpressure both ways, so a large result or a slow client cannot buffer without bound.
    client.on('drain', () => this.upstreamSocket.resume());
    this.upstreamSocket.on('drain', () => client.resume());
    for (const socket of [client, this.upstreamSocket]) {
      socket.on('error', () => this.destroy());
      socket.on('close', () => this.destroy());
    }
  }

  /** Drops both connections at once, as a crashed server would. */
  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.client.destroy();
    this.upstreamSocket.destroy();
    this.deps.onClose();
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch {
      // A stream that no longer parses cannot be relayed faithfully: end it as the server would.
      this.destroy();
    }
  }

  private toUpstream(message: Buffer): void {
    if (!this.upstreamSocket.write(message)) this.client.pause();
  }

  private fromClient(message: Buffer): void {
    if (this.closed) return;
    if (this.clientFramer.untyped) {
      this.fromClientStartup(message);
      return;
    }
    if (!this.startupDone) {
      // Authentication replies (password, SASL) belong to the startup exchange, not to any query.
      this.toUpstream(message);
      return;
    }
    const type = messageType(message);
    this.count(type, message);
    if (type === 'X') {
      this.toUpstream(message);
      this.upstreamSocket.end();
      return;
    }
    if (!singleMessageCycles.has(type) && !extendedMessages.has(type)) {
      // COPY data and anything else that rides inside a cycle already begun.
      if (this.openCycle?.local !== true) this.toUpstream(message);
      return;
    }
    let cycle = this.openCycle;
    if (cycle === null) {
      const started = this.startCycle();
      if (started === null) return;
      cycle = started;
    }
    const endsCycle = singleMessageCycles.has(type) || type === 'S';
    if (cycle.local) {
      if (endsCycle) {
        // A failed transaction stays failed until the client rolls back, as on a real server.
        cycle.chunks.push(readyForQuery(this.transactionStatus === 'I' ? 'I' : 'E'));
        cycle.complete = true;
      }
    } else {
      this.toUpstream(this.namespace === null ? message : this.namespace.rename(message));
    }
    this.openCycle = endsCycle ? null : cycle;
  }

  private fromClientStartup(message: Buffer): void {
    const code = startupCode(message);
    if (code === sslRequestCode || code === gssEncRequestCode) {
      // No TLS on loopback: answer "not supported" so the client carries on in plain text.
      this.client.write('N');
      return;
    }
    this.toUpstream(message);
    if (code === cancelRequestCode) return;
    this.clientFramer.untyped = false;
  }

  private count(type: string, message: Buffer): void {
    let tables: string[] = [];
    if (type === 'Q') tables = this.statements.query(parseQueryText(message));
    else if (type === 'P') {
      const parsed = parseParse(message);
      this.statements.parse(parsed.statement, parsed.sql);
    } else if (type === 'B') {
      const bound = parseBind(message);
      this.statements.bind(bound.portal, bound.statement);
    } else if (type === 'E') tables = this.statements.execute(parseExecute(message).portal);
    else if (type === 'C') {
      const closed = parseClose(message);
      this.statements.close(closed.kind, closed.name);
    }
    for (const table of tables) this.deps.counters.record(table);
  }

  private startCycle(): Cycle | null {
    const decision = this.deps.faults.decide();
    if (decision.action === 'down') {
      this.destroy();
      return null;
    }
    const cycle: Cycle = {
      action: decision.action,
      local: decision.action === 'error',
      releaseAt: Date.now() + decision.delayMs,
      chunks: [],
      complete: false,
      fields: null,
      malformDone: false,
    };
    if (cycle.local) cycle.chunks.push(errorResponse(injectedErrorCode, injectedErrorMessage));
    this.queue.push(cycle);
    return cycle;
  }

  private fromServer(message: Buffer): void {
    if (this.closed) return;
    const type = messageType(message);
    if (!this.startupDone) {
      if (type === 'Z') this.startupDone = true;
      this.toClient(message);
      return;
    }
    if (type === 'Z') this.transactionStatus = readyStatus(message);
    const cycle = this.queue.find((c) => !c.local && !c.complete);
    if (cycle === undefined) {
      // Asynchronous notices between queries follow whatever is still queued.
      const last = this.queue[this.queue.length - 1];
      if (last === undefined) this.toClient(message);
      else last.chunks.push(message);
      return;
    }
    cycle.chunks.push(cycle.action === 'malformed' ? this.malform(cycle, type, message) : message);
    if (type === 'Z') cycle.complete = true;
  }

  private malform(cycle: Cycle, type: string, message: Buffer): Buffer {
    if (cycle.malformDone) return message;
    if (type === 'T') cycle.fields = parseRowDescription(message);
    if (type !== 'D' || cycle.fields === null) return message;
    const rewritten = malformDataRow(message, cycle.fields);
    if (rewritten === null) return message;
    cycle.malformDone = true;
    return rewritten.message;
  }

  private toClient(message: Buffer): void {
    if (!this.client.write(message)) this.upstreamSocket.pause();
  }

  /** Sends what is due, in cycle order; a timed-out cycle holds everything behind it until the client gives up. */
  private release(): void {
    if (this.releaseTimer) {
      clearTimeout(this.releaseTimer);
      this.releaseTimer = null;
    }
    while (!this.closed) {
      const head = this.queue[0];
      if (head === undefined || head.action === 'timeout') return;
      const wait = head.releaseAt - Date.now();
      if (wait > 0) {
        this.releaseTimer = setTimeout(() => this.release(), wait);
        return;
      }
      if (head.chunks.length > 0) {
        this.toClient(head.chunks.length === 1 ? (head.chunks[0] as Buffer) : Buffer.concat(head.chunks));
        head.chunks = [];
      }
      if (!head.complete) return;
      this.queue.shift();
    }
  }
}
