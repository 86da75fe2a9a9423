/**
 * Redis for `npm start` on a fresh machine. Redis cannot be embedded in Node, so: use REDIS_URL if it answers;
 * otherwise, where a redis-server binary is on PATH, start a private one on a free loopback port (AOF on, so a
 * restart keeps queued jobs); otherwise stop with one line saying how to get Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { resolve } from 'node:path';
import { HubError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { redisAnswers } from '../platform/redis.js';
import type { RedisConfig } from '../platform/redis-config.js';

export const REDIS_MISSING_MESSAGE =
  'Redis is not answering and no redis-server is installed: run `docker compose up -d redis`, or install Redis (e.g. `apt-get install redis-server` / `brew install redis`), or set REDIS_URL.';

export interface ResolvedRedis {
  url: string;
  /** Set when the hub started its own redis-server. */
  stop?: () => Promise<void>;
}

export async function resolveRedis(
  config: RedisConfig,
  options: { logger: Logger; dataDir: string; findBinary?: () => Promise<string | undefined> },
): Promise<ResolvedRedis> {
  if (await redisAnswers(config.url, config.connectTimeoutMs)) return { url: config.url };
  if (!config.autostart) {
    throw new HubError('DEPENDENCY_UNAVAILABLE', {
      safeMessage: `Redis is not answering at ${redactUrl(config.url)} (REDIS_AUTOSTART is off): start it or set REDIS_URL.`,
    });
  }
  const binary = await (options.findBinary ?? findRedisServer)();
  if (binary === undefined)
    throw new HubError('DEPENDENCY_UNAVAILABLE', { safeMessage: REDIS_MISSING_MESSAGE });
  const port = await freePort();
  const dir = resolve(options.dataDir);
  await mkdir(dir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilAnswering(url, child);
  options.logger.warn(
    { port },
    `Redis was not answering at the configured URL: started a private redis-server on 127.0.0.1:${port}`,
  );
  return { url, stop: () => stopChild(child) };
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function findRedisServer(): Promise<string | undefined> {
  const { access, constants } = await import('node:fs/promises');
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const candidate = `${dir}/redis-server`;
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new HubError('DEPENDENCY_UNAVAILABLE', {
        safeMessage: 'the private redis-server exited at start-up',
      });
    if (await redisAnswers(url, 200)) return;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  child.kill('SIGKILL');
  throw new HubError('DEPENDENCY_UNAVAILABLE', {
    safeMessage: 'the private redis-server did not answer within 10 s',
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}
