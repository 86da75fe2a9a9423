import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis, keyspace, redisAnswers } from './redis.js';

const config = {
  url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  autostart: false,
  connectTimeoutMs: 2000,
};

describe('redis against a real server', () => {
  const redis = createRedis(config, { connectionName: 'test' });
  const keys = keyspace(`t${randomUUID().slice(0, 8)}`);
  afterAll(async () => {
    await redis.del(keys.key('probe'));
    await redis.quit();
  });

  it('connects and round-trips a namespaced key', async () => {
    await redis.connect();
    await redis.set(keys.key('probe'), 'ok', 'EX', 60);
    expect(await redis.get(keys.key('probe'))).toBe('ok');
  });

  it('tells whether a URL answers', async () => {
    expect(await redisAnswers(config.url)).toBe(true);
    expect(await redisAnswers('redis://127.0.0.1:1', 300)).toBe(false);
  });
});
