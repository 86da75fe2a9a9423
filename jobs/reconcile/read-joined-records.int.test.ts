/**
 * The reader against the real agency simulators, the demo population (with the learning-review children) and a
 * migrated PostgreSQL store with the identity index built: what it reads, how many upstream requests a batch of
 * 100 children costs (the simulators' own counters), and what one agency failing does.
 */
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../connectors/connector.js';
import { childIdPage, childIdsByRecords } from '../../connectors/identity/identity-reads.js';
import { startChildViewHarness, type ChildViewHarness } from '../../test/support/child-view-harness.js';
import type { JoinedChildRecord } from '../rules/joined-record.js';
import { readJoinedRecords } from './read-joined-records.js';

// Generous timeouts (a busy two-core machine never times out a healthy read), no retries, no breaker trips:
// a fault test sees exactly the fault it set.
const connectorEnv: Record<string, string> = Object.fromEntries(
  ['SOCIAL_CARE', 'HEALTH', 'EDUCATION', 'ADULT_SERVICES'].flatMap((prefix) => [
    [`${prefix}_TIMEOUT_MS`, '5000'],
    [`${prefix}_RETRIES`, '0'],
    [`${prefix}_BREAKER_THRESHOLD`, '100'],
  ]),
);

let hub: ChildViewHarness;
/** Hub ids of learning-review children A, B and C. */
let scenario: { a: string; b: string; c: string };
/** A batch of 100: A, B and C, then the first children by id. */
let hundred: string[];

const read = (ids: readonly string[], connectors: readonly Connector[] = hub.gateway.connectors) =>
  readJoinedRecords({ db: hub.db, connectors, now: () => new Date() }, ids);

async function hubIdOf(key: string): Promise<string> {
  const record = hub.population.socialCare.find((r) => r.truthKey === `learning-review/${key}`);
  if (!record) throw new Error(`the demo population has no learning-review/${key}`);
  const [childId] = await childIdsByRecords(hub.db, 'social-care', [record.personId]);
  if (!childId) throw new Error(`the identity index has not linked learning-review/${key}`);
  return childId;
}

beforeAll(async () => {
  hub = await startChildViewHarness({ seed: 20261125, size: 400, env: connectorEnv });
  expect(hub.sync.unavailable).toEqual([]);
  scenario = { a: await hubIdOf('child-a'), b: await hubIdOf('child-b'), c: await hubIdOf('child-c') };
  const page = await childIdPage(hub.db, {}, 200, null);
  const others = page.ids.filter((id) => !Object.values(scenario).includes(id));
  hundred = [...Object.values(scenario), ...others.slice(0, 97)];
}, 240_000);

afterAll(async () => {
  await hub?.close();
}, 60_000);

beforeEach(async () => {
  await hub.resetFaults();
});

describe('learning-review child A', () => {
  let a: JoinedChildRecord;
  beforeAll(async () => {
    [a] = (await read([scenario.a])) as [JoinedChildRecord];
  }, 60_000);

  it('has every section the agencies hold, and none they do not', () => {
    const person = hub.population.people.find((p) => p.truthKey === 'learning-review/child-a')!;
    expect(a.child).toMatchObject({
      id: scenario.a,
      dateOfBirth: person.dateOfBirth,
      nhsNumber: person.nhsNumber,
    });
    expect(a.socialCare).toMatchObject({ agency: 'SOCIAL_CARE', state: 'OK', reason: null });
    expect(a.socialCare.section?.status).toMatchObject({ lookedAfter: true, careLeaver: true });
    // Emergency admission to Oak House at D-300, interim, still awaiting a long-term placement.
    expect(a.socialCare.section?.currentPlacement).toMatchObject({
      interim: true,
      awaitingLongTermPlacement: true,
    });
    expect(a.socialCare.section?.meetings.some((meeting) => meeting.type === null)).toBe(true);
    expect(a.health).toMatchObject({ agency: 'HEALTH', state: 'OK' });
    // Depression and self-harm: the mental health records are in the section (the gateway filters by role).
    expect(a.health.section?.mentalHealth.conditions.length).toBeGreaterThan(0);
    expect(a.education).toMatchObject({ agency: 'EDUCATION', state: 'OK' });
    expect(a.education.section?.senProvision).toBe('K');
    expect(a.adultServices).toEqual({
      agency: 'ADULT_SERVICES',
      state: 'NOT_LINKED',
      asOf: null,
      reason: null,
      section: null,
    });
  });

  it('lives in Oak House with B and then C, whose social care sections are read too', () => {
    expect(a.residential?.unitName).toBe('Oak House');
    const residents = a.residential?.coResidents ?? [];
    expect(residents.map((resident) => resident.childId)).toEqual(
      expect.arrayContaining([scenario.b, scenario.c]),
    );
    for (const resident of residents) {
      expect(resident.socialCare.state).toBe('OK');
      expect(resident.socialCare.section?.personIds).toContain(resident.socialCarePersonId);
    }
    expect(residents.map((resident) => resident.childId)).not.toContain(scenario.a);
  });
});

describe('a batch of 100 children', () => {
  let records: Array<JoinedChildRecord | null>;
  let counts: Awaited<ReturnType<ChildViewHarness['counters']>>[];

  beforeAll(async () => {
    await hub.resetCounters();
    records = await read(hundred);
    counts = await Promise.all(
      (['social-care', 'gp', 'education', 'adult'] as const).map((a) => hub.counters(a)),
    );
  }, 60_000);

  it('costs one upstream request per agency, plus one social care read for residents outside the batch', () => {
    const [socialCare, gp, education, adult] = counts;
    expect(records).toHaveLength(100);
    expect(records.map((record) => record?.child.id)).toEqual(hundred);
    const held = (part: 'health' | 'education' | 'adultServices') =>
      records.some((record) => record !== null && record[part].state !== 'NOT_LINKED');
    expect(held('health') && held('education')).toBe(true);
    expect({ gp: gp!.total, education: education!.total, adult: adult!.total }).toEqual({
      gp: 1,
      education: 1,
      adult: held('adultServices') ? 1 : 0,
    });

    const inBatch = new Set(hundred);
    const residentsOutside = records.some((record) =>
      record?.residential?.coResidents.some((r) => r.childId === null || !inBatch.has(r.childId)),
    );
    const reads = residentsOutside ? 2 : 1;
    const {
      ssd_person: person,
      ssdx_residential_unit: units,
      ssdx_residential_unit_residents: stays,
      ...rest
    } = socialCare!.counts;
    expect({ person, units, stays }).toEqual({ person: reads, units: 1, stays: 1 });
    for (const [table, count] of Object.entries(rest))
      expect({ table, count: count <= reads }).toEqual({ table, count: true });
  });

  it('costs one more social care read when a child’s co-residents are not in the batch', async () => {
    await hub.resetCounters();
    const [a] = await read([scenario.a]);
    expect(a?.residential?.coResidents.length).toBeGreaterThan(0);
    const [socialCare, gp] = await Promise.all([hub.counters('social-care'), hub.counters('gp')]);
    expect(gp.total).toBe(1);
    expect(socialCare.counts).toMatchObject({
      ssd_person: 2,
      ssdx_residential_unit: 1,
      ssdx_residential_unit_residents: 1,
    });
    expect(Math.max(...Object.values(socialCare.counts))).toBe(2);
  });

  it('derives each child as the identity subschema answers it', async () => {
    const identity = hub.gateway.connectors.find((connector) => connector.name === 'identity')!;
    const result = await execute({
      schema: identity.schema,
      document: parse(`query ($ids: [ID!]!) { _childrenByIds(ids: $ids) {
        id dateOfBirth nhsNumber upn links { agency localId method }
        identityConflicts { localId kind otherLocalId detectedAt } } }`),
      variableValues: { ids: hundred },
      contextValue: {},
    });
    expect(result.errors).toBeUndefined();
    const agencyCode = {
      'social-care': 'SOCIAL_CARE',
      gp: 'HEALTH',
      education: 'EDUCATION',
      adult: 'ADULT_SERVICES',
    };
    const ours = records.map((record) => ({
      id: record!.child.id,
      dateOfBirth: record!.child.dateOfBirth,
      nhsNumber: record!.child.nhsNumber,
      upn: record!.child.upn,
      links: record!.child.links.map((link) => ({ ...link, agency: agencyCode[link.agency] })),
      identityConflicts: record!.child.identityConflicts.map(
        ({ localId, kind, otherLocalId, detectedAt }) => ({
          localId,
          kind,
          otherLocalId,
          detectedAt,
        }),
      ),
    }));
    expect(ours).toEqual((result.data as { _childrenByIds: unknown[] })._childrenByIds);
    // C's UPN fails its check letter at the pupil referral unit: the index records the conflict.
    const c = records.find((record) => record?.child.id === scenario.c);
    expect(c?.child.identityConflicts.map((conflict) => conflict.kind)).toContain('INVALID_UPN');
  });
});

describe('one agency failing', () => {
  const cases = [
    { simulator: 'gp', part: 'health', settings: { down: true }, env: {}, state: 'UNAVAILABLE' },
    {
      simulator: 'education',
      part: 'education',
      settings: { latencyMs: 2500 },
      env: { EDUCATION_TIMEOUT_MS: '500' },
      state: 'TIMED_OUT',
    },
  ] as const;

  it.each(cases)(
    '$simulator ($state) fails that part for every child it holds, and only that',
    async (c) => {
      const healthy = await read(hundred);
      // Fresh connectors: no breaker or pool state from other tests.
      const gateway = await hub.startGateway(c.env);
      let failing: Array<JoinedChildRecord | null>;
      try {
        await hub.setFaults(c.simulator, c.settings);
        failing = await read(hundred, gateway.connectors);
      } finally {
        await hub.resetFaults(c.simulator);
        await gateway.close();
      }
      const parts = ['socialCare', 'health', 'education', 'adultServices'] as const;
      let held = 0;
      failing.forEach((record, index) => {
        const before = healthy[index]!;
        const part = record![c.part];
        if (before[c.part].state === 'NOT_LINKED' && before[c.part].asOf === null) {
          expect(part.state).toBe('NOT_LINKED');
        } else {
          held += 1;
          expect(part).toMatchObject({ state: c.state, reason: expect.any(String), section: null });
        }
        for (const other of parts.filter((p) => p !== c.part)) {
          expect(withoutReadTimes(record![other])).toEqual(withoutReadTimes(before[other]));
        }
      });
      expect(held).toBeGreaterThan(0);
    },
    60_000,
  );
});

/** A part with every read time blanked (two reads of the same data differ only there). */
function withoutReadTimes(part: unknown): unknown {
  return JSON.parse(JSON.stringify(part, (key, value: unknown) => (key === 'asOf' ? null : value)));
}

describe('a child not linked to education', () => {
  it('is NOT_LINKED there without a request for them', async () => {
    const { rows } = await hub.db.query<{ id: string }>(
      `SELECT c.id FROM children c
        WHERE NOT EXISTS (SELECT 1 FROM agency_records r WHERE r.child_id = c.id AND r.agency = 'education')
        ORDER BY c.id LIMIT 3`,
    );
    expect(rows.length).toBeGreaterThan(0);
    await hub.resetCounters();
    const records = await read(rows.map((row) => row.id));
    expect(records.map((record) => record?.education)).toEqual(
      rows.map(() => ({ agency: 'EDUCATION', state: 'NOT_LINKED', asOf: null, reason: null, section: null })),
    );
    expect((await hub.counters('education')).total).toBe(0);
  });
});
