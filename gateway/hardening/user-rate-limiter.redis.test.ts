import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis, keyspace } from '../../platform/redis.js';
import { createUserRateLimiter } from './user-rate-limiter.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const minute = 60_000;

/** A clock the test moves; starts at the beginning of a window so fractions are exact. */
function testClock(start = 1_000 * minute) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('user rate limiter against a real Redis', async () => {
  const redis = createRedis(
    { url: redisUrl, autostart: false, connectTimeoutMs: 2000 },
    { connectionName: 'test-rate-limiter', failFast: true },
  );
  await redis.connect();
  const keys = keyspace(`t${randomUUID().slice(0, 8)}`);
  const prefix = keys.key('ratelimit', 'graphql');
  afterAll(async () => {
    const found = await redis.keys(`${prefix}:*`);
    if (found.length > 0) await redis.del(...found);
    await redis.quit();
  });

  it('allows perMinute requests, then refuses with a Retry-After, counting down what remains', async () => {
    const clock = testClock();
    const limiter = createUserRateLimiter({ redis, keyPrefix: prefix, perMinute: 3, now: clock.now });
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await limiter.consume('user-a'));
    expect(decisions).toEqual([
      { allowed: true, retryAfterSeconds: 0, remaining: 2 },
      { allowed: true, retryAfterSeconds: 0, remaining: 1 },
      { allowed: true, retryAfterSeconds: 0, remaining: 0 },
      // the window ends in 60 s; then last minute's 3 must decay to 2 (a third of the next minute): 80 s
      { allowed: false, retryAfterSeconds: 80, remaining: 0 },
    ]);
    expect(limiter.enabled).toBe(true);
  });

  it('slides: last minute’s count still weighs on this minute in proportion', async () => {
    const clock = testClock();
    const limiter = createUserRateLimiter({ redis, keyPrefix: prefix, perMinute: 4, now: clock.now });
    for (let i = 0; i < 4; i += 1) expect((await limiter.consume('user-b')).allowed).toBe(true);
    clock.advance(minute + minute / 2); // half-way through the next window: 4 × 0.5 = 2 still count
    expect(await limiter.consume('user-b')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
    expect(await limiter.consume('user-b')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 });
    // 2 + 2 in this window: the old 2 must decay to 1, a quarter of a minute from now
    expect(await limiter.consume('user-b')).toEqual({ allowed: false, retryAfterSeconds: 15, remaining: 0 });
    clock.advance(15_000);
    expect((await limiter.consume('user-b')).allowed).toBe(true);
    clock.advance(2 * minute); // two quiet windows: everything is forgotten
    expect(await limiter.consume('user-b')).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 3 });
  });

  it('counts each user apart, under the prefix, without the user id in the key', async () => {
    const clock = testClock();
    const limiter = createUserRateLimiter({ redis, keyPrefix: prefix, perMinute: 1, now: clock.now });
    expect((await limiter.consume('jo.bloggs@council.example')).allowed).toBe(true);
    expect((await limiter.consume('jo.bloggs@council.example')).allowed).toBe(false);
    expect((await limiter.consume('sam.smith@council.example')).allowed).toBe(true);
    const found = await redis.keys(`${prefix}:*`);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const key of found) {
      expect(key).toMatch(new RegExp(`^${prefix}:[0-9a-f]{32}$`));
      expect(key).not.toMatch(/bloggs|smith|council/);
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(2 * minute);
    }
  });

  it('is atomic: of 50 concurrent requests, exactly perMinute are allowed', async () => {
    const clock = testClock();
    const limiter = createUserRateLimiter({ redis, keyPrefix: prefix, perMinute: 20, now: clock.now });
    const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.consume('user-c')));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(20);
  });

  it('is off at 0: allows everything and never asks Redis', async () => {
    const unused = new Redis(redisUrl, { lazyConnect: true });
    try {
      const limiter = createUserRateLimiter({ redis: unused, keyPrefix: prefix, perMinute: 0 });
      expect(limiter.enabled).toBe(false);
      for (let i = 0; i < 5; i += 1) expect((await limiter.consume('user-d')).allowed).toBe(true);
      expect(unused.status).toBe('wait');
    } finally {
      unused.disconnect();
    }
  });
});

describe('user rate limiter when Redis cannot answer', () => {
  it('fails open when Redis is down, says so, and skips Redis for the cooldown', async () => {
    const down = createRedis(
      { url: 'redis://127.0.0.1:1', autostart: false, connectTimeoutMs: 200 },
      { connectionName: 'test-rate-limiter-down', failFast: true },
    );
    down.on('error', () => undefined);
    const clock = testClock();
    const unavailable: unknown[] = [];
    const limiter = createUserRateLimiter({
      redis: down,
      keyPrefix: 'cvh:test:ratelimit',
      perMinute: 1,
      cooldownMs: 5000,
      now: clock.now,
      onUnavailable: (error) => unavailable.push(error),
    });
    try {
      for (let i = 0; i < 3; i += 1) {
        expect(await limiter.consume('user-e')).toEqual({
          allowed: true,
          retryAfterSeconds: 0,
          remaining: 1,
        });
      }
      expect(unavailable).toHaveLength(1);
      clock.advance(5000);
      expect((await limiter.consume('user-e')).allowed).toBe(true);
      expect(unavailable).toHaveLength(2);
    } finally {
      down.disconnect();
    }
  });

  it('fails open when Redis accepts the connection but never answers', async () => {
    const silent = net.createServer((socket) => socket.on('data', () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    // A connection that is ready at once (no handshake, no ready check) and then never gets a reply.
    const hung = new Redis({
      host: '127.0.0.1',
      port,
      protocol: 2,
      disableClientInfo: true,
      enableReadyCheck: false,
      lazyConnect: true,
    });
    hung.on('error', () => undefined);
    await hung.connect();
    const unavailable: unknown[] = [];
    const limiter = createUserRateLimiter({
      redis: hung,
      keyPrefix: 'cvh:test:ratelimit',
      perMinute: 1,
      timeoutMs: 100,
      onUnavailable: (error) => unavailable.push(error),
    });
    try {
      expect((await limiter.consume('user-f')).allowed).toBe(true);
      expect(unavailable).toHaveLength(1);
      expect(String(unavailable[0])).toMatch(/did not answer/);
    } finally {
      hung.disconnect();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
