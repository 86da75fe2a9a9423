import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestCounter } from '../../kit/counters.js';
import { FaultController } from '../../kit/faults.js';
import type { WebhookReceiver } from '../../kit/webhook-receiver.js';
import { startWebhookReceiver } from '../../kit/webhook-receiver.js';
import { WebhookSender } from '../../kit/webhooks.js';
import type { SocialCareRecord } from '../../population/model.js';
import { openPostgresDatabase } from '../database/postgres-database.js';
import type { SsdDatabase } from '../database/ssd-database.js';
import { buildSyntheticPopulation } from '../fixtures/synthetic-population.js';
import { testDatabaseUrl, uniqueName } from '../test-support/pg-test-env.js';
import { createSocialCareWriteServer } from './write-server.js';

const secret = 'write-api-test-secret-0123456789';
const population = buildSyntheticPopulation({ socialCareRecords: 60, seed: 31 });
const notInCare = population.socialCare.find((r) => r.claEpisodes.length === 0) as SocialCareRecord;
const unit = population.residentialUnits[0];
const inProgress = population.socialCare.find((r) =>
  r.assessments.some((a) => a.authorisedDate === null),
) as SocialCareRecord;
if (!notInCare || !unit || !inProgress) throw new Error('fixture lacks the children these tests need');

let database: SsdDatabase;
let receiver: WebhookReceiver;
let app: FastifyInstance;
const owner = new pg.Client({ connectionString: testDatabaseUrl });

async function post(url: string, payload: unknown) {
  const response = await app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function rows(sql: string, values: unknown[] = []) {
  return (await owner.query(sql.replaceAll('$schema', database.schema), values)).rows;
}

function lastEvent() {
  const events = receiver.events();
  return events[events.length - 1];
}

beforeAll(async () => {
  database = await openPostgresDatabase({
    url: testDatabaseUrl,
    schema: uniqueName('ssd_write_test'),
    population,
    dropSchemaOnClose: true,
  });
  receiver = await startWebhookReceiver(secret);
  app = createSocialCareWriteServer({
    database,
    faults: new FaultController(),
    counters: new RequestCounter(),
    webhooks: new WebhookSender({ url: receiver.url, secret, maxAttempts: 1 }),
  });
  await owner.connect();
});

afterAll(async () => {
  await app.close();
  await receiver.close();
  await owner.end();
  await database.close();
});

describe('social care write API', () => {
  it('places a child in a residential unit: a new period of care, the unit as residence, a signed webhook', async () => {
    const { status, body } = await post('/placements', {
      personId: notInCare.personId,
      placementId: 'WPL-1',
      startDate: '2025-05-01T10:00:00Z',
      residentialUnitId: unit.id,
      legalStatus: 'C2',
      awaitingLongTermPlacement: true,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      placementId: 'WPL-1',
      placementType: 'K2',
      urn: unit.urn,
      webhookDelivered: true,
    });

    expect(
      await rows(
        'SELECT clap_cla_placement_type, clap_cla_placement_urn, clap_cla_id FROM $schema.ssd_cla_placement WHERE clap_cla_placement_id = $1',
        ['WPL-1'],
      ),
    ).toEqual([{ clap_cla_placement_type: 'K2', clap_cla_placement_urn: unit.urn, clap_cla_id: body.claId }]);
    expect(
      await rows(
        'SELECT clae_cla_episode_start_reason, clae_cla_placement_id FROM $schema.ssd_cla_episodes WHERE clae_person_id = $1',
        [notInCare.personId],
      ),
    ).toEqual([{ clae_cla_episode_start_reason: 'S', clae_cla_placement_id: 'WPL-1' }]);
    expect(
      await rows('SELECT lega_legal_status FROM $schema.ssd_legal_status WHERE lega_person_id = $1', [
        notInCare.personId,
      ]),
    ).toEqual([{ lega_legal_status: 'C2' }]);
    expect(
      await rows(
        'SELECT resr_person_id FROM $schema.ssdx_residential_unit_residents WHERE resr_placement_id = $1',
        ['WPL-1'],
      ),
    ).toEqual([{ resr_person_id: notInCare.personId }]);

    const delivery = receiver.deliveries().at(-1);
    expect(delivery?.signatureValid).toBe(true);
    expect(lastEvent()).toMatchObject({
      type: 'placement.started',
      agency: 'social-care',
      subject: { system: 'social-care-person-id', value: notInCare.personId },
      data: { placementId: 'WPL-1', residentialUnitId: unit.id },
    });
    expect(JSON.stringify(lastEvent())).not.toContain(notInCare.identity.familyName);
  });

  it('moves the child: the old placement ends that day, a new episode (P) continues the period', async () => {
    const { status, body } = await post('/placements', {
      personId: notInCare.personId,
      placementId: 'WPL-2',
      startDate: '2025-06-01',
      placementType: 'U4',
      postcode: 'LS2 7AB',
      previousPlacementChangeReason: 'CREQB',
    });
    expect(status).toBe(201);
    expect(body.endedPlacementIds).toEqual(['WPL-1']);
    expect(
      await rows(
        `SELECT clap_cla_placement_change_reason, to_char(clap_cla_placement_end_date, 'YYYY-MM-DD') AS ended FROM $schema.ssd_cla_placement WHERE clap_cla_placement_id = 'WPL-1'`,
      ),
    ).toEqual([{ clap_cla_placement_change_reason: 'CREQB', ended: '2025-06-01' }]);
    const episodes = await rows(
      'SELECT clae_cla_episode_start_reason AS reason, clae_cla_episode_ceased_reason AS ceased, clae_cla_id FROM $schema.ssd_cla_episodes WHERE clae_person_id = $1 ORDER BY clae_cla_episode_start_date',
      [notInCare.personId],
    );
    expect(episodes.map((e) => [e.reason, e.ceased])).toEqual([
      ['S', 'X1'],
      ['P', null],
    ]);
    expect(new Set(episodes.map((e) => e.clae_cla_id)).size).toBe(1);
  });

  it('ends a placement and, with a ceased reason, the time in care', async () => {
    const { status } = await post('/placements/WPL-2/end', {
      endDate: '2025-07-01',
      changeReason: 'CARPL',
      ceasedReason: 'E4A',
    });
    expect(status).toBe(200);
    expect(
      await rows(
        'SELECT count(*)::int AS open FROM $schema.ssd_cla_episodes WHERE clae_person_id = $1 AND clae_cla_episode_ceased_date IS NULL',
        [notInCare.personId],
      ),
    ).toEqual([{ open: 0 }]);
    expect(lastEvent()).toMatchObject({
      type: 'placement.ended',
      data: { placementId: 'WPL-2', leftCare: true },
    });
    expect((await post('/placements/WPL-2/end', { endDate: '2025-07-02' })).status).toBe(409);
    expect((await post('/placements/NOPE/end', { endDate: '2025-07-02' })).status).toBe(404);
  });

  it('authorises an assessment in progress, once', async () => {
    const assessment = inProgress.assessments.find((a) => a.authorisedDate === null);
    if (!assessment) throw new Error('no assessment in progress');
    const { status } = await post(`/assessments/${assessment.id}/complete`, {
      authorisedDate: '2025-06-10',
      factors: ['11A', '24A'],
    });
    expect(status).toBe(200);
    expect(
      await rows(
        `SELECT to_char(cina_assessment_auth_date, 'YYYY-MM-DD') AS auth FROM $schema.ssd_cin_assessments WHERE cina_assessment_id = $1`,
        [assessment.id],
      ),
    ).toEqual([{ auth: '2025-06-10' }]);
    expect(
      await rows(
        'SELECT cinf_assessment_factors_json AS f FROM $schema.ssd_assessment_factors WHERE cinf_assessment_id = $1',
        [assessment.id],
      ),
    ).toEqual([{ f: '["11A","24A"]' }]);
    expect(lastEvent()).toMatchObject({
      type: 'assessment.completed',
      subject: { value: inProgress.personId },
      data: { factors: ['11A', '24A'] },
    });
    expect(
      (await post(`/assessments/${assessment.id}/complete`, { authorisedDate: '2025-06-11' })).status,
    ).toBe(409);
  });

  it('starts an assessment that is already authorised, announcing it', async () => {
    const { status, body } = await post('/assessments', {
      personId: inProgress.personId,
      startDate: '2025-08-01',
      authorisedDate: '2025-08-20',
    });
    expect(status).toBe(201);
    expect(
      await rows('SELECT cina_person_id FROM $schema.ssd_cin_assessments WHERE cina_assessment_id = $1', [
        body.assessmentId,
      ]),
    ).toEqual([{ cina_person_id: inProgress.personId }]);
    expect(lastEvent()).toMatchObject({
      type: 'assessment.completed',
      data: { assessmentId: body.assessmentId },
    });
  });

  it('records a meeting, keeping what was not recorded as NULL', async () => {
    const { status, body } = await post('/meetings', {
      personId: notInCare.personId,
      date: '2025-05-03T09:00:00Z',
      placementId: 'WPL-1',
      actualAttendees: ['SOCIAL_WORKER'],
    });
    expect(status).toBe(201);
    expect(
      await rows(
        'SELECT meet_meeting_type, meet_statutory, meet_required_attendees_json, meet_actual_attendees_json FROM $schema.ssdx_meeting WHERE meet_meeting_id = $1',
        [body.meetingId],
      ),
    ).toEqual([
      {
        meet_meeting_type: null,
        meet_statutory: null,
        meet_required_attendees_json: null,
        meet_actual_attendees_json: '["SOCIAL_WORKER"]',
      },
    ]);
    expect(lastEvent()).toMatchObject({
      type: 'meeting.held',
      data: { meetingId: body.meetingId, placementId: 'WPL-1' },
    });
  });

  it('starts and ends a missing episode with its return home interview', async () => {
    const started = await post('/missing-episodes', {
      personId: notInCare.personId,
      startDate: '2025-05-10T22:00:00Z',
      type: 'M',
    });
    expect(started.status).toBe(201);
    expect(lastEvent()).toMatchObject({ type: 'missing.started' });
    const id = String(started.body.missingEpisodeId);
    const ended = await post(`/missing-episodes/${id}/end`, {
      endDate: '2025-05-11T08:00:00Z',
      rhiOffered: true,
      rhiAccepted: false,
      rhiDate: '2025-05-12',
    });
    expect(ended.status).toBe(200);
    expect(
      await rows(
        'SELECT m.miss_missing_rhi_offered AS offered, m.miss_missing_rhi_accepted AS accepted, d.msdx_rhi_date IS NOT NULL AS has_rhi_date FROM $schema.ssd_missing m JOIN $schema.ssdx_missing_detail d ON d.msdx_miss_table_id = m.miss_table_id WHERE m.miss_table_id = $1',
        [id],
      ),
    ).toEqual([{ offered: 'Y', accepted: 'N', has_rhi_date: true }]);
    expect(lastEvent()).toMatchObject({
      type: 'missing.ended',
      data: { missingEpisodeId: id, rhiOffered: true },
    });
  });

  it('rejects invalid bodies and unknown children, writing nothing', async () => {
    const invalid = await post('/placements', { personId: notInCare.personId, startDate: 'yesterday' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    expect((await post('/meetings', { personId: 'P-NOBODY', date: '2025-01-01' })).status).toBe(404);
    expect(
      (
        await post('/placements', {
          personId: notInCare.personId,
          startDate: '2025-09-01',
          residentialUnitId: 'NO-UNIT',
        })
      ).status,
    ).toBe(404);
  });

  it('keeps the change when the hub cannot be reached, and says the webhook was not delivered', async () => {
    receiver.failNext(1, 503);
    const { status, body } = await post('/missing-episodes', {
      personId: notInCare.personId,
      startDate: '2025-09-01',
    });
    expect(status).toBe(201);
    expect(body.webhookDelivered).toBe(false);
    expect(
      await rows('SELECT 1 FROM $schema.ssd_missing WHERE miss_table_id = $1', [body.missingEpisodeId]),
    ).toHaveLength(1);
  });
});
