import { describe, expect, it } from 'vitest';
import { keyspace, reconnectDelayMs, redisOptions } from './redis.js';

describe('redis factory', () => {
  it('is fit for BullMQ: no per-request retry limit, no keyPrefix', () => {
    const options = redisOptions(
      { url: 'redis://127.0.0.1:6379', autostart: false, connectTimeoutMs: 2000 },
      { connectionName: 'worker' },
    );
    expect(options.maxRetriesPerRequest).toBeNull();
    expect(options.keyPrefix).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped at 5 s', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(25);
    expect(reconnectDelayMs(0, () => 1)).toBe(50);
    expect(reconnectDelayMs(3, () => 1)).toBe(400);
    expect(reconnectDelayMs(50, () => 1)).toBe(5000);
    expect(reconnectDelayMs(50, () => 0)).toBe(2500);
  });

  it('namespaces keys per environment and hash-tags queue prefixes per domain', () => {
    const keys = keyspace('staging');
    expect(keys.key('cache', 'health', 'x')).toBe('cvh:staging:cache:health:x');
    expect(keys.queuePrefix('reconcile')).toBe('cvh:staging:{reconcile}');
  });
});
