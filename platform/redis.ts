/**
 * Redis connections fit for BullMQ and the hub's cache.
 *
 * Keys are namespaced per environment by the hub itself (`keyspace`), never with ioredis `keyPrefix`, which
 * BullMQ does not support. Queue keys carry a Redis Cluster hash tag per domain (`{reconcile}`), so moving to
 * Redis Cluster later needs no data change and a flow's keys stay in one slot.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger.js';
import type { RedisConfig } from './redis-config.js';

export type { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /** Who holds the connection, for logs and CLIENT LIST. */
  connectionName: string;
  logger?: Logger;
  /** Fail fast instead of queueing commands while disconnected (for health checks, HTTP-path cache reads). */
  failFast?: boolean;
}

/** Reconnect with capped exponential backoff and jitter: 50 ms doubling to 5 s. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5000, 50 * 2 ** Math.min(attempt, 10));
  return Math.round(base / 2 + random() * (base / 2));
}

export function redisOptions(config: RedisConfig, options: RedisConnectionOptions): RedisOptions {
  return {
    connectionName: options.connectionName,
    connectTimeout: config.connectTimeoutMs,
    // BullMQ requires null here for blocking connections; elsewhere it keeps commands waiting through a reconnect.
    maxRetriesPerRequest: options.failFast ? 1 : null,
    enableOfflineQueue: !options.failFast,
    enableReadyCheck: true,
    lazyConnect: true,
    retryStrategy: (attempt) => reconnectDelayMs(attempt),
  };
}

export function createRedis(config: RedisConfig, options: RedisConnectionOptions): Redis {
  const redis = new Redis(config.url, redisOptions(config, options));
  const logger = options.logger;
  if (logger) {
    // One line per state change, not per retry attempt: a down Redis must not flood the logs.
    let lastState = '';
    const note = (state: string, level: 'info' | 'warn') => {
      if (state === lastState) return;
      lastState = state;
      logger[level]({ connection: options.connectionName }, `redis ${state}`);
    };
    redis.on('ready', () => note('ready', 'info'));
    redis.on('error', (error: Error & { code?: string }) => {
      logger.warn({ connection: options.connectionName, code: error.code }, 'redis connection error');
    });
    redis.on('end', () => note('closed', 'info'));
    redis.on('reconnecting', () => note('reconnecting', 'warn'));
  }
  return redis;
}

/** Pings a Redis URL once with a short timeout; true when it answers PONG. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Hub-owned key names, namespaced by environment (e.g. `cvh:dev:cache:health:...`). */
export function keyspace(hubEnv: string) {
  const root = `cvh:${hubEnv}`;
  return {
    key: (...parts: string[]) => [root, ...parts].join(':'),
    /** BullMQ `prefix` for a queue domain: environment, then the domain's cluster hash tag. */
    queuePrefix: (domain: string) => `${root}:{${domain}}`,
  };
}
