import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startWebhookReceiver } from '../kit/webhook-receiver.js';
import type { WebhookReceiver } from '../kit/webhook-receiver.js';
import { adultTestServer } from './test-server.js';
import { fixtureNhsNumbers } from './fixture-population.js';

const secret = 'adult-webhook-secret';
let app: FastifyInstance;
let receiver: WebhookReceiver;

async function start(options: { failFirstHandoffs?: number } = {}) {
  receiver = await startWebhookReceiver(secret);
  app = adultTestServer({ webhookUrl: receiver.url, secret, ...options }).app;
}

afterEach(async () => {
  await app.close();
  await receiver.close();
});

function handoffPackage(overrides: Record<string, unknown> = {}) {
  return {
    handoffId: 'HUB-HO-0001',
    sentAt: '2025-03-03T09:59:00Z',
    child: {
      nhsNumber: fixtureNhsNumbers.erin,
      givenName: 'Erin',
      familyName: 'Evans',
      dateOfBirth: '2008-01-01',
    },
    sections: [
      { type: 'CARE_PLAN', title: 'Care plan summary', content: { permanence: 'Long-term foster care' } },
      { type: 'HEALTH', content: { conditions: ['Asthma'], medications: [] } },
    ],
    ...overrides,
  };
}

const intake = (payload: object) =>
  app.inject({ method: 'POST', url: '/adult/v1/transition-handoffs', payload });
const person = async (id: string) =>
  (await app.inject({ method: 'GET', url: `/adult/v1/people/${id}` })).json().person;

describe('POST /adult/v1/transition-handoffs', () => {
  it('answers 201 with a reference, files it on the known person and emits handoff.received', async () => {
    await start();
    const response = await intake(handoffPackage());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ reference: 'ASC-00000001', status: 'RECEIVED' });
    expect(response.headers['location']).toBe('/adult/v1/transition-handoffs/ASC-00000001');

    const erin = await person('ASC-1001');
    expect(erin.transitionReferrals.at(-1)).toMatchObject({
      date: '2025-03-03',
      source: 'CHILDRENS_SERVICES',
    });
    expect(erin.cldEvents.at(-1)).toMatchObject({ eventType: 'REQUEST', date: '2025-03-03' });

    expect(receiver.deliveries()[0]?.signatureValid).toBe(true);
    expect(receiver.events()).toEqual([
      expect.objectContaining({
        type: 'handoff.received',
        agency: 'adult',
        subject: { system: 'adult-person-id', value: 'ASC-1001' },
        data: { reference: 'ASC-00000001', handoffId: 'HUB-HO-0001' },
      }),
    ]);
  });

  it('is idempotent on handoffId: same package again → 200, same reference, one record, one webhook', async () => {
    await start();
    const first = await intake(handoffPackage());
    const retry = await intake(handoffPackage({ sentAt: '2025-03-03T10:04:00Z' }));
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect((await person('ASC-1001')).transitionReferrals).toHaveLength(2);
    const listed = await app.inject({
      method: 'GET',
      url: '/adult/v1/transition-handoffs?handoffId=HUB-HO-0001',
    });
    expect(listed.json().handoffs.map((h: { reference: string }) => h.reference)).toEqual(['ASC-00000001']);
    expect(receiver.events()).toHaveLength(1);
  });

  it('treats a reordered but equal package as the same', async () => {
    await start();
    const pkg = handoffPackage();
    await intake(pkg);
    const reordered = { sections: pkg.sections, child: { ...pkg.child }, handoffId: pkg.handoffId };
    expect((await intake(reordered)).statusCode).toBe(200);
  });

  it('answers 409 for the same handoffId with a different package, changing nothing', async () => {
    await start();
    await intake(handoffPackage());
    const conflict = await intake(
      handoffPackage({ sections: [{ type: 'HEALTH', content: { conditions: [] } }] }),
    );
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('HANDOFF_CONFLICT');
    expect((await person('ASC-1001')).transitionReferrals).toHaveLength(2);
    expect(receiver.events()).toHaveLength(1);
  });

  it('fails the first N attempts with 503, then accepts once', async () => {
    await start({ failFirstHandoffs: 2 });
    const attempts = [];
    for (let i = 0; i < 4; i += 1) attempts.push(await intake(handoffPackage()));
    expect(attempts.map((r) => r.statusCode)).toEqual([503, 503, 201, 200]);
    expect(attempts[0]?.json().error.code).toBe('INTAKE_UNAVAILABLE');
    expect(attempts[0]?.headers['retry-after']).toBe('1');
    expect(attempts[3]?.json()).toEqual(attempts[2]?.json());
    expect((await person('ASC-1001')).transitionReferrals).toHaveLength(2);
    const counts = (await app.inject({ method: 'GET', url: '/admin/counters' })).json().counts;
    expect(counts['POST /adult/v1/transition-handoffs']).toBe(4);
  });

  it('arms the failure count through /admin/handoff-failures', async () => {
    await start();
    const armed = await app.inject({
      method: 'PUT',
      url: '/admin/handoff-failures',
      payload: { failFirst: 1 },
    });
    expect(armed.json()).toEqual({ remaining: 1 });
    expect((await intake(handoffPackage())).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/admin/handoff-failures' })).json()).toEqual({
      remaining: 0,
    });
    expect((await intake(handoffPackage())).statusCode).toBe(201);
    const bad = await app.inject({
      method: 'PUT',
      url: '/admin/handoff-failures',
      payload: { failFirst: -1 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('opens a new person for a child adult services do not know', async () => {
    await start();
    const response = await intake(
      handoffPackage({
        handoffId: 'HUB-HO-0002',
        child: {
          nhsNumber: fixtureNhsNumbers.gail,
          givenName: 'Gail',
          familyName: 'Green',
          dateOfBirth: '2008-05-05',
          sex: 'F',
        },
      }),
    );
    expect(response.statusCode).toBe(201);
    const found = await app.inject({
      method: 'GET',
      url: `/adult/v1/people?nhsNumber=${fixtureNhsNumbers.gail}`,
    });
    const [gail] = found.json().people;
    expect(gail).toMatchObject({ givenName: 'Gail', sex: 'F', nhsNumber: fixtureNhsNumbers.gail });
    expect(gail.transitionReferrals).toHaveLength(1);
    expect(receiver.events()[0]?.subject).toEqual({ system: 'adult-person-id', value: gail.personId });
  });

  it('files on the adult person id the hub names, even without an NHS number', async () => {
    await start();
    await intake(
      handoffPackage({
        handoffId: 'HUB-HO-0003',
        child: {
          nhsNumber: null,
          identifiers: [{ system: 'adult-person-id', value: 'ASC-1004' }],
          givenName: 'Hal',
          familyName: 'Hughes',
          dateOfBirth: '2008-01-01',
        },
      }),
    );
    expect((await person('ASC-1004')).transitionReferrals).toHaveLength(1);
  });

  it('rejects envelopes that break the contract, and does not treat them as attempts at an id', async () => {
    await start();
    const bad = [
      handoffPackage({ handoffId: '' }),
      handoffPackage({ handoffId: 'has spaces' }),
      handoffPackage({ sections: [] }),
      handoffPackage({ sections: [{ type: 'HEALTH' }] }),
      handoffPackage({
        child: { nhsNumber: '9990000000', givenName: 'A', familyName: 'B', dateOfBirth: '2008-01-01' },
      }),
      handoffPackage({
        child: { nhsNumber: null, givenName: 'A', familyName: 'B', dateOfBirth: '01/01/2008' },
      }),
      { sections: [] },
    ];
    for (const payload of bad) {
      const response = await intake(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('INVALID_REQUEST');
    }
    expect((await intake(handoffPackage())).statusCode).toBe(201);
  });
});

describe('GET /adult/v1/transition-handoffs', () => {
  it('returns the stored handoff by reference, 404 for unknown', async () => {
    await start();
    await intake(handoffPackage());
    const stored = await app.inject({ method: 'GET', url: '/adult/v1/transition-handoffs/ASC-00000001' });
    expect(stored.json()).toMatchObject({
      reference: 'ASC-00000001',
      handoffId: 'HUB-HO-0001',
      status: 'RECEIVED',
      receivedAt: '2025-03-03T10:00:00.000Z',
      personId: 'ASC-1001',
      package: { sections: [{ type: 'CARE_PLAN' }, { type: 'HEALTH' }] },
    });
    const missing = await app.inject({ method: 'GET', url: '/adult/v1/transition-handoffs/ASC-99999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('HANDOFF_NOT_FOUND');
    const none = await app.inject({ method: 'GET', url: '/adult/v1/transition-handoffs?handoffId=OTHER' });
    expect(none.json()).toEqual({ handoffs: [] });
  });
});
