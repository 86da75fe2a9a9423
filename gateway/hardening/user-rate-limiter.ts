/**
 * GraphQL operations per user per minute (GRAPHQL_RATE_LIMIT_PER_MINUTE), counted in Redis so every gateway
 * instance shares one count. A sliding window: this minute's count plus last minute's, weighted by how much of
 * last minute still lies within the past 60 s; unlike a fixed window it never lets a burst of twice the limit
 * through across a minute boundary. One Lua script reads, decides and counts, so concurrent requests cannot
 * overshoot. Refused requests are not counted: a client that backs off gets its allowance back.
 *
 * Keys: `<keyPrefix>:<sha256(user id), 32 hex>`, one small hash per active user that expires after two minutes.
 * User ids are hashed so that no identifier sits in Redis key names (SCAN, MONITOR, slow log).
 *
 * When Redis cannot answer (down, or slower than `timeoutMs`) the limiter FAILS OPEN: the request is allowed, and
 * `onUnavailable` is told (count it; do not log per request). The reasons:
 *   - the hub is read in safeguarding emergencies; a cache outage must not stop a social worker or a GP from
 *     seeing a child's record, and failing closed would turn any Redis fault into a total outage of the view;
 *   - abuse stays bounded without the limiter: every caller is authenticated and audited, and each operation is
 *     already capped in depth, cost and size (operation-limits.ts);
 *   - Redis being down is already visible to operators (readiness, connection logs).
 * After a failure Redis is not asked again for `cooldownMs`, so an outage does not add `timeoutMs` to every
 * request.
 */
import { createHash } from 'node:crypto';
import type { Redis } from '../../platform/redis.js';

export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: seconds until a request would be allowed (at least 1). 0 when allowed. */
  retryAfterSeconds: number;
  /**
   * Requests left in the sliding window after this one: 0 when refused, the whole limit when Redis could not
   * answer, Infinity when the limiter is off.
   */
  remaining: number;
}

export interface UserRateLimiter {
  /** False when the limit is 0: every request is allowed and Redis is never asked. */
  readonly enabled: boolean;
  consume(userId: string): Promise<RateLimitDecision>;
}

export interface UserRateLimiterOptions {
  /**
   * A connection made with `failFast: true` (platform/redis.ts), so that commands fail at once while it is
   * disconnected instead of waiting in the offline queue.
   */
  redis: Redis;
  /** The hub's keyspace for this limiter, e.g. `keyspace(hubEnv).key('ratelimit', 'graphql')`. */
  keyPrefix: string;
  /** 0 turns the limiter off. */
  perMinute: number;
  /** Longest wait for Redis before failing open. Default 250 ms. */
  timeoutMs?: number;
  /** How long to skip Redis after it failed. Default 5 s. */
  cooldownMs?: number;
  /** Told each time a request was allowed because Redis could not answer. */
  onUnavailable?: (error: unknown) => void;
  /** Milliseconds since the epoch; tests move it. The window is computed from it, not from Redis's clock. */
  now?: () => number;
}

const windowMs = 60_000;

// KEYS[1]: the user's hash {w: window number, c: count in it, p: count in the window before}.
// ARGV: limit, window length (ms), now (ms). Returns {allowed (1/0), retry after (ms), remaining}.
const slidingWindowScript = `
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local window = math.floor(now / windowMs)
local state = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
local stored = tonumber(state[1])
local current = tonumber(state[2]) or 0
local previous = tonumber(state[3]) or 0
if stored == nil or stored < window - 1 then
  current, previous = 0, 0
elseif stored == window - 1 then
  previous, current = current, 0
elseif stored > window then
  -- another gateway's clock is a little ahead: count in its window rather than lose its counts
  window = stored
end
local elapsed = math.max(0, (now - window * windowMs) / windowMs)
local weighted = previous * (1 - elapsed) + current
if weighted + 1 > limit then
  local waitMs
  if current + 1 > limit then
    -- this window alone is full: wait for the next, then for this window's share to decay enough
    waitMs = (1 - elapsed) * windowMs + math.max(0, 1 - (limit - 1) / current) * windowMs
  else
    waitMs = (1 - (limit - 1 - current) / previous - elapsed) * windowMs
  end
  return {0, math.ceil(waitMs), 0}
end
current = current + 1
redis.call('HSET', KEYS[1], 'w', window, 'c', current, 'p', previous)
redis.call('PEXPIRE', KEYS[1], windowMs * 2)
return {1, 0, math.floor(limit - weighted - 1)}
`;
const slidingWindowSha = createHash('sha1').update(slidingWindowScript).digest('hex');

function userKey(keyPrefix: string, userId: string): string {
  return `${keyPrefix}:${createHash('sha256').update(userId).digest('hex').slice(0, 32)}`;
}

async function runScript(redis: Redis, key: string, args: string[]): Promise<unknown> {
  try {
    return await redis.evalsha(slidingWindowSha, 1, key, ...args);
  } catch (error) {
    // First use on this server (or after SCRIPT FLUSH): send the script itself, which also caches it.
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return await redis.eval(slidingWindowScript, 1, key, ...args);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function asDecision(reply: unknown): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((value) => typeof value === 'number')) {
    throw new Error('unexpected reply from the rate limit script');
  }
  const [allowed, retryAfterMs, remaining] = reply as [number, number, number];
  return allowed === 1
    ? { allowed: true, retryAfterSeconds: 0, remaining: Math.max(0, remaining) }
    : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)), remaining: 0 };
}

export function createUserRateLimiter(options: UserRateLimiterOptions): UserRateLimiter {
  const { redis, keyPrefix, perMinute } = options;
  if (!Number.isSafeInteger(perMinute) || perMinute < 0) throw new Error('perMinute must be an integer >= 0');
  const timeoutMs = options.timeoutMs ?? 250;
  const cooldownMs = options.cooldownMs ?? 5000;
  const now = options.now ?? Date.now;
  if (perMinute === 0) {
    const unlimited: RateLimitDecision = { allowed: true, retryAfterSeconds: 0, remaining: Infinity };
    return { enabled: false, consume: async () => ({ ...unlimited }) };
  }
  const failedOpen: RateLimitDecision = { allowed: true, retryAfterSeconds: 0, remaining: perMinute };

  let skipRedisUntil = 0;
  return {
    enabled: true,
    async consume(userId) {
      const at = now();
      if (at < skipRedisUntil) return { ...failedOpen };
      try {
        const reply = await withTimeout(
          runScript(redis, userKey(keyPrefix, userId), [String(perMinute), String(windowMs), String(at)]),
          timeoutMs,
        );
        return asDecision(reply);
      } catch (error) {
        skipRedisUntil = now() + cooldownMs;
        options.onUnavailable?.(error);
        return { ...failedOpen };
      }
    },
  };
}
