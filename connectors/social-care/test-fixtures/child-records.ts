/** The fixture rows loaded as the connector loads them, for mapper tests. */
import { createUpstreamPolicy } from '../../../platform/upstream/upstream-policy.js';
import type { ChildRecord } from '../child-record.js';
import { readChildRecords } from '../read-child-records.js';
import { createSocialCareClient } from '../social-care-client.js';
import { createFakeSsdDriver } from './fake-ssd-driver.js';
import { ssdRows } from './ssd-rows.js';

export function testPolicy(
  overrides: { timeoutMs?: number; retries?: number; breakerThreshold?: number } = {},
) {
  return createUpstreamPolicy({
    agency: 'SOCIAL_CARE',
    timeoutMs: overrides.timeoutMs ?? 200,
    retries: overrides.retries ?? 0,
    breakerThreshold: overrides.breakerThreshold ?? 100,
    breakerHalfOpenMs: 60_000,
  });
}

export async function fixtureRecords(...personIds: string[]): Promise<ChildRecord[]> {
  const client = createSocialCareClient({
    driver: createFakeSsdDriver(ssdRows),
    policy: testPolicy(),
    maxConcurrentReads: 10,
  });
  const records = await readChildRecords(client, personIds);
  return personIds.flatMap((id) => records.get(id) ?? []);
}
