import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startWebhookReceiver } from '../kit/webhook-receiver.js';
import type { WebhookReceiver } from '../kit/webhook-receiver.js';
import { educationTestServer } from './test-server.js';
import { educationFixturePopulation, fixtureUpns } from './fixture-population.js';
import { createEducationServer } from './education-server.js';
import { FaultController } from '../kit/faults.js';
import { WebhookSender } from '../kit/webhooks.js';

const secret = 'education-webhook-secret';
let app: FastifyInstance;
let receiver: WebhookReceiver;

beforeEach(async () => {
  receiver = await startWebhookReceiver(secret);
  app = educationTestServer({ webhookUrl: receiver.url, secret }).app;
});

afterEach(async () => {
  await app.close();
  await receiver.close();
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
const pupil = async (id: string) =>
  (await app.inject({ method: 'GET', url: `/education/v1/pupils/${id}` })).json().pupil;

describe('POST /education/v1/pupils/:pupilId/exclusions', () => {
  const exclusion = {
    date: '2025-02-03',
    kind: 'SUSPENSION',
    sessions: 2,
    reason: 'VP',
    schoolUrn: '100001',
  };

  it('records the exclusion and emits a signed exclusion.recorded keyed on the UPN', async () => {
    const response = await post('/education/v1/pupils/EDU-0002/exclusions', exclusion);
    expect(response.statusCode).toBe(201);
    const created = response.json().exclusion;
    expect(created).toMatchObject(exclusion);
    expect((await pupil('EDU-0002')).exclusions).toEqual([created]);

    const [event] = receiver.events();
    expect(receiver.deliveries()[0]?.signatureValid).toBe(true);
    expect(event).toMatchObject({
      type: 'exclusion.recorded',
      agency: 'education',
      subject: { system: 'upn', value: fixtureUpns.ben },
      data: { pupilId: 'EDU-0002', id: created.id, kind: 'SUSPENSION', date: '2025-02-03' },
    });
    expect(JSON.stringify(event)).not.toContain('Ben');
  });

  it('names a pupil without a UPN by the education pupil id', async () => {
    await post('/education/v1/pupils/EDU-0005/exclusions', { ...exclusion, schoolUrn: '999999' });
    expect(receiver.events()[0]?.subject).toEqual({ system: 'education-pupil-id', value: 'EDU-0005' });
  });

  it('rejects unknown pupils, invalid bodies and unknown schools without emitting', async () => {
    expect((await post('/education/v1/pupils/EDU-9999/exclusions', exclusion)).statusCode).toBe(404);
    for (const bad of [
      { ...exclusion, date: '2025-02-30' },
      { ...exclusion, kind: 'FIXED' },
      { ...exclusion, sessions: 0 },
      { ...exclusion, extra: true },
    ]) {
      const response = await post('/education/v1/pupils/EDU-0002/exclusions', bad);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('INVALID_REQUEST');
    }
    const unknownSchool = await post('/education/v1/pupils/EDU-0002/exclusions', {
      ...exclusion,
      schoolUrn: '555555',
    });
    expect(unknownSchool.statusCode).toBe(422);
    expect(receiver.deliveries()).toHaveLength(0);
    expect((await pupil('EDU-0002')).exclusions).toEqual([]);
  });

  it('still records the write when the hub cannot take the webhook', async () => {
    receiver.failNext(10, 503);
    const response = await post('/education/v1/pupils/EDU-0002/exclusions', exclusion);
    expect(response.statusCode).toBe(201);
    expect((await pupil('EDU-0002')).exclusions).toHaveLength(1);
    expect(receiver.deliveries().length).toBeGreaterThanOrEqual(3);
  });
});

describe('POST /education/v1/pupils/:pupilId/ehcp-milestones', () => {
  const milestone = (id: string, body: object) => post(`/education/v1/pupils/${id}/ehcp-milestones`, body);

  it('walks a pending request to an issued plan, emitting ehcp.milestone each time', async () => {
    expect(
      (await milestone('EDU-0002', { milestone: 'DECISION', date: '2025-02-10', outcome: 'Y' })).statusCode,
    ).toBe(201);
    const final = await milestone('EDU-0002', { milestone: 'FINAL_PLAN', date: '2025-05-19' });
    expect(final.json().ehcNeedsAssessment).toMatchObject({ status: 'ISSUED', finalPlanDate: '2025-05-19' });
    const review = await milestone('EDU-0002', {
      milestone: 'ANNUAL_REVIEW',
      date: '2026-05-01',
      pfaOutcomes: true,
    });
    expect(review.statusCode).toBe(201);

    const stored = await pupil('EDU-0002');
    expect(stored.sen.provision).toBe('E');
    expect(stored.ehcNeedsAssessment).toMatchObject({
      id: 'EHC-2',
      decisionOutcome: 'Y',
      annualReviews: [{ date: '2026-05-01', pfaOutcomes: true }],
    });
    expect(receiver.events().map((e) => [e.type, e.data['milestone'], e.data['status']])).toEqual([
      ['ehcp.milestone', 'DECISION', 'ASSESSING'],
      ['ehcp.milestone', 'FINAL_PLAN', 'ISSUED'],
      ['ehcp.milestone', 'ANNUAL_REVIEW', 'ISSUED'],
    ]);
    expect(receiver.events()[0]).toMatchObject({
      subject: { system: 'upn', value: fixtureUpns.ben },
      data: { pupilId: 'EDU-0002', ehcId: 'EHC-2', date: '2025-02-10', outcome: 'Y' },
    });
  });

  it('opens a new request for a pupil with none', async () => {
    const response = await milestone('EDU-0003', { milestone: 'REQUEST', date: '2025-02-01' });
    expect(response.statusCode).toBe(201);
    expect((await pupil('EDU-0003')).ehcNeedsAssessment).toMatchObject({
      requestDate: '2025-02-01',
      status: 'REQUESTED',
    });
  });

  it('answers 409 for a step out of order and 422 for a date before the previous step', async () => {
    const outOfOrder = await milestone('EDU-0003', { milestone: 'FINAL_PLAN', date: '2025-02-01' });
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json().error.code).toBe('MILESTONE_OUT_OF_ORDER');
    const early = await milestone('EDU-0002', { milestone: 'DECISION', date: '2024-12-01', outcome: 'N' });
    expect(early.statusCode).toBe(422);
    expect(receiver.deliveries()).toHaveLength(0);
  });

  it('rejects an unknown milestone or a pending outcome (A is not a decision)', async () => {
    expect((await milestone('EDU-0002', { milestone: 'TRIBUNAL', date: '2025-02-01' })).statusCode).toBe(400);
    expect(
      (await milestone('EDU-0002', { milestone: 'DECISION', date: '2025-02-01', outcome: 'A' })).statusCode,
    ).toBe(400);
  });
});

describe('writes do not leak into the shared population', () => {
  it('keeps the population passed in unchanged', async () => {
    const population = educationFixturePopulation();
    const own = createEducationServer({
      population,
      faults: new FaultController(),
      webhooks: new WebhookSender({ url: null, secret }),
    });
    await own.inject({
      method: 'POST',
      url: '/education/v1/pupils/EDU-0003/ehcp-milestones',
      payload: { milestone: 'REQUEST', date: '2025-02-01' },
    });
    expect(population.education[2]?.ehc).toBeNull();
    await own.close();
  });
});
