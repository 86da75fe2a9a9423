/**
 * Notices that reach people, end to end on real BullMQ, PostgreSQL, the agency simulators and a local SMTP server:
 * a `placement.started` webhook for a children's home tells each existing resident's social worker and IRO once
 * (replays add nothing) and CORESIDENTS_NOT_INFORMED resolves once they are delivered; alerts go to the social
 * worker (A&E for a child on a plan, a return from a missing episode with the 72-hour due time) and, for an
 * exclusion, to the virtual school head too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import Fastify, { type FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../gateway/webhooks/signature.js';
import { registerWebhookRoutes } from '../../gateway/webhooks/webhook-routes.js';
import { createLogger } from '../../platform/logger.js';
import { keyspace } from '../../platform/redis.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import {
  startChildViewHarness,
  testRedisUrl,
  type ChildViewHarness,
} from '../../test/support/child-view-harness.js';
import type { JobDefinition, JobDeps } from '../define-job.js';
import { notifyAlertJob } from '../notify-alert/index.js';
import { notifyCoresidentsJob } from '../notify-coresidents/index.js';
import { connectorFor } from '../reconcile/agency-parts.js';
import { readJoinedRecords } from '../reconcile/read-joined-records.js';
import { readSocialCareParts } from '../reconcile/read-social-care.js';
import { reconcileChildJob } from '../reconcile-child/index.js';
import { ownerPeopleOf } from '../reconcile-child/owner-people.js';
import { reconcileOnAgencyEvent } from '../reconcile-child/reconcile-on-event.js';
import { rules } from '../rules/registry.js';
import { rulesDefaults } from '../rules/rules-config.js';
import { residentsAtAdmission } from '../rules/transition-placement/facts/existing-residents.js';
import { englandDayOf } from '../rules/time/calendar-day.js';
import { createWorkingDayCalendar } from '../rules/time/working-days.js';
import { createEnqueue, createQueues, startWorkers, type WorkerHost } from '../worker-host.js';
import { createDeliverNotificationsJob } from './index.js';
import { createSmtpTransport } from './smtp-transport.js';

interface Received {
  to: string[];
  data: string;
}

const logger = createLogger({ service: 'notices-int-test', level: 'silent' });
const webhookSecret = randomBytes(24).toString('base64url');

let hub: ChildViewHarness;
let smtp: SMTPServer;
let received: Received[] = [];
let workers: WorkerHost;
let queues: Map<string, Queue>;
let audit: AuditWriter;
let webhooks: FastifyInstance;
let webhookUrl: string;
let deps: JobDeps;

beforeAll(async () => {
  hub = await startChildViewHarness({ seed: 20261125, size: 200 });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const email = createSmtpTransport(
    {
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      requireTls: false,
      user: undefined,
      password: undefined,
      from: 'hub@council.example',
    },
    { timeoutMs: 5000 },
  );
  const definitions = [
    reconcileChildJob,
    notifyAlertJob,
    notifyCoresidentsJob,
    createDeliverNotificationsJob({ maxAttempts: 3 }, { EMAIL: email }),
  ] as JobDefinition[];
  const connection = { url: testRedisUrl, maxRetriesPerRequest: null };
  const naming = keyspace(hub.hubEnv);
  queues = createQueues(definitions, connection, naming);
  audit = new AuditWriter(hub.db);
  deps = {
    db: hub.db,
    logger,
    now: () => new Date(),
    connectors: hub.gateway.connectors,
    audit,
    enqueue: createEnqueue(queues),
    reconciliation: { rules, calendar: createWorkingDayCalendar(), config: rulesDefaults },
  };
  workers = await startWorkers({ definitions, connection, naming, logger, deps });

  webhooks = Fastify({ logger: false });
  registerWebhookRoutes(webhooks, {
    config: () => ({ secret: webhookSecret, toleranceSeconds: 300 }),
    db: hub.db,
    logger,
    connectors: hub.gateway.connectors,
    onEvent: reconcileOnAgencyEvent({
      db: hub.db,
      enqueue: deps.enqueue!,
      now: () => new Date(),
      placementMeetingHours: 72,
    }),
  });
  webhookUrl = `${await webhooks.listen({ host: '127.0.0.1', port: 0 })}/webhooks/social-care`;
}, 240_000);

afterAll(async () => {
  await workers?.close();
  for (const queue of queues?.values() ?? []) {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  await webhooks?.close();
  await audit?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await hub?.close();
}, 60_000);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function postEvent(event: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify(event);
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature': signWebhook(webhookSecret, Math.floor(Date.now() / 1000), body),
    },
    body,
  });
  await response.body?.cancel();
  return response.status;
}

async function socialCarePersonIdOf(childId: string): Promise<string> {
  const { rows } = await hub.db.query<{ local_id: string }>(
    `SELECT local_id FROM agency_records WHERE child_id = $1 AND agency = 'social-care' ORDER BY local_id LIMIT 1`,
    [childId],
  );
  if (!rows[0]) throw new Error('no social care record');
  return rows[0].local_id;
}

async function notices(where: string, params: unknown[]) {
  const { rows } = await hub.db.query<{
    recipient: string;
    status: string;
    body: string;
    subject: string;
    dedupe_key: string;
  }>(
    `SELECT recipient, status, body, subject, dedupe_key FROM notifications WHERE ${where} ORDER BY id`,
    params,
  );
  return rows;
}

/** Children with an allocated social worker on record, with their social care status. */
async function childrenWithSocialWorkers() {
  const { rows } = await hub.db.query<{ child_id: string }>(
    `SELECT DISTINCT ar.child_id FROM child_relationships cr
     JOIN agency_records ar ON ar.agency = cr.agency AND ar.local_id = cr.local_id
     WHERE cr.kind = 'ALLOCATED_SOCIAL_WORKER' AND cr.subject_person IS NOT NULL ORDER BY ar.child_id`,
  );
  const ids = rows.map((row) => row.child_id);
  const parts = await readSocialCareParts(deps, ids);
  return ids.map((id, index) => ({ id, status: parts[index]?.section?.status, part: parts[index] }));
}

async function waitForJob(queue: string, jobId: string) {
  return until(`${queue} job ${jobId}`, async () => {
    const job = await queues.get(queue)!.getJob(jobId);
    const state = await job?.getState();
    if (state === 'failed') throw new Error(`${queue} job failed: ${job?.failedReason}`);
    return state === 'completed' ? job : undefined;
  });
}

async function finding(childId: string, placementId: string) {
  const { rows } = await hub.db.query<{ status: string }>(
    `SELECT status FROM findings WHERE child_id = $1 AND rule_id = 'CORESIDENTS_NOT_INFORMED' AND subject_id = $2
     ORDER BY opened_at DESC LIMIT 1`,
    [childId, placementId],
  );
  return rows[0]?.status;
}

describe('co-resident notices on an admission to a children’s home', () => {
  it('tells each existing resident’s social worker and IRO once, and the finding resolves on delivery', async () => {
    const oak = hub.population.residentialUnits.find((unit) => unit.name === 'Oak House');
    expect(oak).toBeDefined();
    // A child not in care, admitted to Oak House ten days ago (so the notice window has long closed).
    const candidates = await childrenWithSocialWorkers();
    const admitted = candidates.find(
      (c) => c.part?.state === 'OK' && !c.status?.lookedAfter && c.part.section?.placements.length === 0,
    );
    expect(admitted).toBeDefined();
    const childId = admitted!.id;
    const personId = await socialCarePersonIdOf(childId);
    const start = new Date(Date.now() - 10 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const response = await fetch(`${hub.host.urls.socialCareAdmin}/placements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId, startDate: start.toISOString(), residentialUnitId: oak!.id }),
    });
    expect(response.status).toBe(201);
    const placement = (await response.json()) as Record<string, unknown> & { placementId: string };
    await connectorFor(hub.gateway.connectors, 'SOCIAL_CARE')?.invalidate?.([personId]);

    // Who should hear: the social worker and IRO of each child living there at the admission.
    const [record] = await readJoinedRecords(deps, [childId]);
    expect(record?.residential?.unitId).toBe(oak!.id);
    const residents = residentsAtAdmission(record!.residential!, start.getTime(), englandDayOf(new Date()))
      .map(({ resident }) => resident.childId)
      .filter((id): id is string => id !== null);
    expect(residents.length).toBeGreaterThan(0);
    const owners = await ownerPeopleOf(hub.db, residents);
    const expected = [
      ...new Set(residents.flatMap((id) => [owners.get(id)?.SOCIAL_WORKER, owners.get(id)?.IRO])),
    ]
      .filter((person): person is string => person !== undefined)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(2);

    // Reconciled before the hub has told anyone: the finding is open.
    await deps.enqueue!('reconcile-child', [
      { data: { childIds: [childId], trigger: 'MANUAL' }, options: { jobId: `before-${childId}` } },
    ]);
    await waitForJob('reconcile-child', `before-${childId}`);
    expect(await finding(childId, placement.placementId)).toBe('OPEN');

    const { event: _event, webhookDelivered: _delivered, ...data } = placement;
    const event = {
      id: randomUUID(),
      type: 'placement.started',
      agency: 'social-care',
      occurredAt: start.toISOString(),
      subject: { system: 'social-care-person-id', value: personId },
      data,
    };
    received = [];
    expect(await postEvent(event)).toBe(202);

    const sent = await until('every co-resident notice sent', async () => {
      const rows = await notices('event_child_id = $1 AND event_key = $2', [childId, placement.placementId]);
      return rows.length === expected.length && rows.every((row) => row.status === 'SENT') ? rows : undefined;
    });
    expect(sent.map((row) => row.recipient).sort()).toEqual(expected);
    await until('the e-mails', async () => (received.length >= expected.length ? true : undefined));
    expect(received.flatMap((message) => message.to).sort()).toEqual(expected);
    for (const message of received) {
      expect(message.data).toMatch(/^Subject: New admission to the residential unit of child/m);
      // Nothing about the child admitted: not their hub id, not their social care id.
      expect(message.data).not.toContain(childId);
      expect(message.data).not.toContain(personId);
    }
    // Each recipient is told which of their own children live there.
    for (const row of sent) {
      const theirs = residents.filter(
        (id) => owners.get(id)?.SOCIAL_WORKER === row.recipient || owners.get(id)?.IRO === row.recipient,
      );
      for (const id of theirs) expect(row.body).toContain(id);
    }

    // Delivery reconciles the admitted child: the hub's notices answer the finding.
    await until('the finding to resolve', async () =>
      (await finding(childId, placement.placementId)) === 'AUTO_RESOLVED' ? true : undefined,
    );

    // The same delivery again, and the same admission under a new event id: no second notice.
    expect(await postEvent(event)).toBe(200);
    expect(await postEvent({ ...event, id: randomUUID() })).toBe(202);
    const again = await notifyCoresidentsJob.run(
      { childId, placementId: placement.placementId, admittedAt: start.toISOString() },
      { jobId: 'replay', attempt: 1, deps },
    );
    expect(again).toMatchObject({ notices: expected.length, created: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await notices('event_child_id = $1', [childId])).toHaveLength(expected.length);
    expect(received).toHaveLength(expected.length);

    await audit.flush();
    const { rows: audited } = await hub.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM access_audit
       WHERE user_id = 'system:notifications' AND purpose = 'SAFEGUARDING' AND child_id = $1`,
      [childId],
    );
    expect(audited[0]?.n).toBeGreaterThan(0);
  }, 180_000);
});

describe('alerts to the allocated social worker', () => {
  const occurredAt = '2026-11-20T14:30:00.000Z';

  it('A&E: the social worker of a child on a child protection plan hears; for a child on no plan, nobody', async () => {
    const candidates = await childrenWithSocialWorkers();
    const onPlan = candidates.find((c) => c.status?.childProtectionPlan === true);
    const noPlan = candidates.find(
      (c) => c.part?.state === 'OK' && c.status?.childProtectionPlan === false && !c.status.lookedAfter,
    );
    expect(onPlan && noPlan).toBeTruthy();
    received = [];
    for (const child of [onPlan!, noPlan!]) {
      await deps.enqueue!('notify-alert', [
        {
          data: { kind: 'UNSCHEDULED_CARE', childId: child.id, eventKey: `enc-${child.id}`, occurredAt },
          options: { jobId: `ae-${child.id}` },
        },
      ]);
    }
    await waitForJob('notify-alert', `ae-${onPlan!.id}`);
    await waitForJob('notify-alert', `ae-${noPlan!.id}`);
    const socialWorker = (await ownerPeopleOf(hub.db, [onPlan!.id])).get(onPlan!.id)?.SOCIAL_WORKER;
    const rows = await until('the A&E alert sent', async () => {
      const found = await notices(`kind = 'UNSCHEDULED_CARE' AND event_child_id = $1`, [onPlan!.id]);
      return found.length === 1 && found[0]?.status === 'SENT' ? found : undefined;
    });
    expect(rows[0]).toMatchObject({ recipient: socialWorker });
    expect(rows[0]?.body).toContain(
      'is subject to a child protection plan, attended an emergency department',
    );
    expect(rows[0]?.body).toContain('on 2026-11-20');
    expect(await notices(`kind = 'UNSCHEDULED_CARE' AND event_child_id = $1`, [noPlan!.id])).toEqual([]);
    await until('the e-mail', async () => (received.length === 1 ? true : undefined));
    expect(received[0]?.to).toEqual([socialWorker]);
  }, 120_000);

  it('exclusion: the social worker and the virtual school head, each once', async () => {
    const { rows } = await hub.db.query<{ child_id: string }>(
      `SELECT ar.child_id FROM child_relationships cr
       JOIN agency_records ar ON ar.agency = cr.agency AND ar.local_id = cr.local_id
       WHERE cr.kind IN ('ALLOCATED_SOCIAL_WORKER', 'VIRTUAL_SCHOOL') AND cr.subject_person IS NOT NULL
       GROUP BY ar.child_id HAVING count(DISTINCT cr.kind) = 2 ORDER BY ar.child_id LIMIT 1`,
    );
    const childId = rows[0]?.child_id;
    expect(childId).toBeDefined();
    const alert = { kind: 'SCHOOL_EXCLUSION', childId, eventKey: `excl-${childId}`, occurredAt };
    await deps.enqueue!('notify-alert', [{ data: alert, options: { jobId: `excl-${childId}` } }]);
    await waitForJob('notify-alert', `excl-${childId}`);
    // Added again (a feed re-sent): nothing new.
    await notifyAlertJob.run(alert as never, { jobId: 'again', attempt: 1, deps });
    const sent = await until('both exclusion alerts sent', async () => {
      const found = await notices(`kind = 'SCHOOL_EXCLUSION' AND event_child_id = $1`, [childId]);
      return found.length === 2 && found.every((row) => row.status === 'SENT') ? found : undefined;
    });
    const toHead = sent.find((row) => row.body.includes('virtual school head should review'));
    const toWorker = sent.find((row) => row.body.includes('contact the school and the virtual school'));
    expect(toHead && toWorker).toBeTruthy();
    expect(toHead?.recipient).not.toBe(toWorker?.recipient);
    expect(toWorker?.recipient).toBe((await ownerPeopleOf(hub.db, [childId!])).get(childId!)?.SOCIAL_WORKER);
  }, 120_000);

  it('missing episode: the social worker hears, by webhook, that the return interview is due within 72 hours', async () => {
    const [child] = (await childrenWithSocialWorkers()).filter((c) => c.part?.state === 'OK');
    const personId = await socialCarePersonIdOf(child!.id);
    const episodeId = `MISS-${randomUUID().slice(0, 8)}`;
    const event = {
      id: randomUUID(),
      type: 'missing.ended',
      agency: 'social-care',
      occurredAt: '2026-11-21T23:30:00.000Z',
      subject: { system: 'social-care-person-id', value: personId },
      data: { missingEpisodeId: episodeId, endDate: '2026-11-21T23:30:00.000Z', rhiDate: null },
    };
    expect(await postEvent(event)).toBe(202);
    const [row] = await until('the missing episode alert sent', async () => {
      const found = await notices(`kind = 'MISSING_EPISODE' AND event_key = $1`, [episodeId]);
      return found.length === 1 && found[0]?.status === 'SENT' ? found : undefined;
    });
    expect(row?.recipient).toBe((await ownerPeopleOf(hub.db, [child!.id])).get(child!.id)?.SOCIAL_WORKER);
    expect(row?.body).toContain('due within 72 hours, by 2026-11-24T23:30:00.000Z');
    expect(row?.dedupe_key).toBe(`MISSING_EPISODE:${episodeId}:${row?.recipient}`);
  }, 120_000);
});
