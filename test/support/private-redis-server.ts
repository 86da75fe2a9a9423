/**
 * A redis-server of a test's own, on a free loopback port, that the test may crash and restart: the shared Redis
 * on 6379 serves everyone else's tests and must never be restarted. Persistence is what production runs
 * (ADR 0004, hub/private-redis.ts): AOF, fsync every second, no RDB snapshots, noeviction.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAnswers } from '../../platform/redis.js';

export interface PrivateRedisServer {
  url: string;
  /**
   * Stops the server with `signal` (SIGKILL: a crash, up to a second of acknowledged writes lost) and starts it
   * again on the same port; with `wipe` its data directory is emptied first (a Redis that lost everything).
   */
  restart(options: { signal: NodeJS.Signals; wipe?: boolean }): Promise<void>;
  /** Stops it and removes its data. */
  close(): Promise<void>;
}

export async function startPrivateRedisServer(): Promise<PrivateRedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'cvh-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server = await launch(port, dir, url);
  const stop = async (signal: NodeJS.Signals) => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill(signal);
    await exited;
  };
  return {
    url,
    restart: async ({ signal, wipe = false }) => {
      await stop(signal);
      if (wipe) await rm(dir, { recursive: true, force: true });
      server = await launch(port, dir, url);
    },
    close: async () => {
      await stop('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string, url: string): Promise<ChildProcess> {
  await mkdir(dir, { recursive: true });
  const server = spawn(
    'redis-server',
    [
      ...['--bind', '127.0.0.1', '--port', String(port), '--dir', dir],
      ...['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
      ...['--maxmemory-policy', 'noeviction', '--daemonize', 'no'],
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the private redis-server exited at start-up');
    if (await redisAnswers(url, 200)) return server;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  server.kill('SIGKILL');
  throw new Error('the private redis-server did not answer within 10 s');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
