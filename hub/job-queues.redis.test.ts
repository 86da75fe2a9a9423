import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobDefinitions } from '../jobs/registry.js';
import { createQueues } from '../jobs/worker-host.js';
import { createLogger } from '../platform/logger.js';
import { keyspace } from '../platform/redis.js';
import { parseHubConfig } from './config.js';
import { notificationDeliveryEveryMs, scheduleNotificationDelivery } from './job-queues.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const hubEnv = `t-${randomUUID().slice(0, 8)}`;
let queues: Map<string, Queue>;

beforeAll(() => {
  const config = parseHubConfig({ HUB_ENV: hubEnv });
  queues = createQueues(
    createJobDefinitions(config),
    { url: redisUrl, maxRetriesPerRequest: null },
    keyspace(hubEnv),
  );
});
afterAll(async () => {
  for (const queue of queues.values()) {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
});

describe('the notification queues', () => {
  it('are built from configuration with every other job', () => {
    const names = createJobDefinitions(parseHubConfig({})).map((definition) => definition.name);
    expect(names).toEqual(
      expect.arrayContaining(['deliver-notifications', 'notify-alert', 'notify-coresidents']),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('sweep the outbox every 30 seconds, with one scheduler however often the hub starts', async () => {
    const logger = createLogger({ service: 'job-queues-test', level: 'silent' });
    await scheduleNotificationDelivery(queues, logger);
    await scheduleNotificationDelivery(queues, logger);
    const schedulers = await queues.get('deliver-notifications')!.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: 'deliver-notifications-sweep',
      every: notificationDeliveryEveryMs,
    });
  });
});
