import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { coresidentAdmissionNotice, unscheduledCareAlert } from './content.js';
import { deliverDue } from './deliver.js';
import { allSent, enqueueNotification } from './outbox.js';
import { createSmtpTransport } from './smtp-transport.js';
import { createWebhookTransport } from './webhook-transport.js';

interface Received {
  to: string[];
  data: string;
}

let store: TestSchema;
let db: Db;
let smtp: SMTPServer;
let port: number;
let received: Received[];
/** What the server answers to RCPT TO, in order; then it accepts. */
let rcptReplies: number[];

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_notify' });
  db = store.db;
  received = [];
  rcptReplies = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const reply = rcptReplies.shift();
      if (reply === undefined) return callback();
      const error = Object.assign(new Error('rejected'), { responseCode: reply });
      return callback(error);
    },
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
  port = (smtp.server.address() as AddressInfo).port;
});
afterEach(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await store.drop();
});

const t0 = new Date('2026-11-25T09:00:00Z');
const smtpTransport = () =>
  createSmtpTransport(
    {
      host: '127.0.0.1',
      port,
      secure: false,
      requireTls: false,
      user: undefined,
      password: undefined,
      from: 'hub@council.example',
    },
    { timeoutMs: 5000 },
  );
const notice = coresidentAdmissionNotice({ childIds: ['c-17'], admittedOn: '2026-11-20' });

async function rowOf(dedupeKey: string) {
  const { rows } = await db.query<{
    status: string;
    attempts: number;
    last_error_code: string | null;
    next_attempt_at: Date;
  }>('SELECT status, attempts, last_error_code, next_attempt_at FROM notifications WHERE dedupe_key = $1', [
    dedupeKey,
  ]);
  return rows[0];
}

describe('delivering the notifications outbox', () => {
  it('sends a queued e-mail once to its recipient, with no personal data, and never again', async () => {
    const key = 'coresident:PL1:sam';
    await db.transaction((tx) =>
      enqueueNotification(
        tx,
        {
          recipient: { channel: 'EMAIL', address: 'Sam.Carter@council.example' },
          dedupeKey: key,
          content: notice,
        },
        t0,
      ),
    );
    // Enqueueing the same event again (a redelivered job) adds nothing.
    const again = await db.transaction((tx) =>
      enqueueNotification(
        tx,
        {
          recipient: { channel: 'EMAIL', address: 'sam.carter@council.example' },
          dedupeKey: key,
          content: notice,
        },
        t0,
      ),
    );
    expect(again.created).toBe(false);
    expect(await allSent(db, [key])).toBe(false);

    const transport = smtpTransport();
    const options = { now: () => t0, maxAttempts: 3, limit: 10 };
    expect(await deliverDue(db, { EMAIL: transport }, options)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverDue(db, { EMAIL: transport }, options)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    transport.close();

    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['sam.carter@council.example']);
    const message = received[0]?.data ?? '';
    expect(message).toMatch(/^Subject: New admission to the residential unit of child c-17/m);
    expect(message).toContain('2026-11-20');
    expect(message).toMatch(/^Message-ID: <notification-\d+@council\.example>/im);
    expect(message).not.toMatch(/Ellie|Marsh|\b\d{10}\b/);
    expect(await rowOf(key)).toMatchObject({ status: 'SENT', attempts: 1, last_error_code: null });
    expect(await allSent(db, [key])).toBe(true);
  });

  it('retries a temporary refusal with backoff, and fails a permanent one without retrying', async () => {
    await db.transaction(async (tx) => {
      await enqueueNotification(
        tx,
        {
          recipient: { channel: 'EMAIL', address: 'sw@council.example' },
          dedupeKey: 'ae:1:sw',
          content: unscheduledCareAlert({
            childId: 'c-1',
            attendedOn: '2026-11-24',
            setting: 'EMERGENCY_DEPARTMENT',
            because: 'LOOKED_AFTER',
          }),
        },
        t0,
      );
    });
    const transport = smtpTransport();
    const options = { maxAttempts: 5, limit: 10, baseBackoffMs: 60_000 };

    rcptReplies = [451];
    expect(await deliverDue(db, { EMAIL: transport }, { ...options, now: () => t0 })).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    const afterFirst = await rowOf('ae:1:sw');
    expect(afterFirst).toMatchObject({ status: 'PENDING', attempts: 1, last_error_code: 'SMTP_451' });
    expect(afterFirst?.next_attempt_at.getTime()).toBe(t0.getTime() + 60_000);

    // Not due yet: nothing is sent.
    expect(
      await deliverDue(db, { EMAIL: transport }, { ...options, now: () => new Date(t0.getTime() + 30_000) }),
    ).toEqual({ sent: 0, retrying: 0, failed: 0 });
    rcptReplies = [451];
    const t1 = new Date(t0.getTime() + 60_000);
    await deliverDue(db, { EMAIL: transport }, { ...options, now: () => t1 });
    expect((await rowOf('ae:1:sw'))?.next_attempt_at.getTime()).toBe(t1.getTime() + 120_000);
    expect(
      await deliverDue(db, { EMAIL: transport }, { ...options, now: () => new Date(t1.getTime() + 120_000) }),
    ).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(await rowOf('ae:1:sw')).toMatchObject({ status: 'SENT', attempts: 3 });

    await db.transaction((tx) =>
      enqueueNotification(
        tx,
        {
          recipient: { channel: 'EMAIL', address: 'gone@council.example' },
          dedupeKey: 'ae:1:gone',
          content: notice,
        },
        t0,
      ),
    );
    rcptReplies = [550];
    expect(await deliverDue(db, { EMAIL: transport }, { ...options, now: () => t1 })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    expect(await rowOf('ae:1:gone')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      last_error_code: 'SMTP_550',
    });
    transport.close();
    expect(received).toHaveLength(1);
  });

  it('gives up after the last attempt when the server cannot be reached', async () => {
    await db.transaction((tx) =>
      enqueueNotification(
        tx,
        { recipient: { channel: 'EMAIL', address: 'sw@council.example' }, dedupeKey: 'k', content: notice },
        t0,
      ),
    );
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const transport = smtpTransport();
    let now = t0;
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      await deliverDue(
        db,
        { EMAIL: transport },
        { now: () => now, maxAttempts: 2, limit: 5, baseBackoffMs: 1000 },
      );
      now = new Date(now.getTime() + 10_000);
    }
    transport.close();
    const row = await rowOf('k');
    expect(row).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(row?.last_error_code).toMatch(/^E[A-Z]+$/);
    smtp = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  });

  it('never hands one row to two concurrent deliverers', async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 6; i += 1) {
        await enqueueNotification(
          tx,
          {
            recipient: { channel: 'EMAIL', address: `sw${i}@council.example` },
            dedupeKey: `k${i}`,
            content: notice,
          },
          t0,
        );
      }
    });
    const transport = smtpTransport();
    const options = { now: () => t0, maxAttempts: 3, limit: 10 };
    const reports = await Promise.all([
      deliverDue(db, { EMAIL: transport }, options),
      deliverDue(db, { EMAIL: transport }, options),
    ]);
    transport.close();
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(6);
    expect(received.map((message) => message.to[0]).sort()).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `sw${i}@council.example`),
    );
  });

  it('posts a signed webhook and retries a 503', async () => {
    const posts: { signature: string | undefined; body: string }[] = [];
    const statuses = [503];
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        posts.push({ signature: request.headers['x-hub-signature'] as string | undefined, body });
        response.statusCode = statuses.shift() ?? 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await db.transaction((tx) =>
      enqueueNotification(
        tx,
        { recipient: { channel: 'WEBHOOK', url }, dedupeKey: 'w', content: notice },
        t0,
      ),
    );
    const webhook = createWebhookTransport({ secret: 'x'.repeat(32), now: () => t0, allowHttp: true });
    const options = { maxAttempts: 3, limit: 5, baseBackoffMs: 1000 };
    await deliverDue(db, { WEBHOOK: webhook }, { ...options, now: () => t0 });
    expect(await rowOf('w')).toMatchObject({ status: 'PENDING', last_error_code: 'HTTP_503' });
    await deliverDue(db, { WEBHOOK: webhook }, { ...options, now: () => new Date(t0.getTime() + 1000) });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await rowOf('w')).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(posts).toHaveLength(2);
    expect(posts[1]?.signature).toMatch(/^t=\d+,v1=[\da-f]{64}$/);
    expect(JSON.parse(posts[1]?.body ?? '{}')).toMatchObject({
      kind: 'CORESIDENT_ADMISSION',
      subject: notice.subject,
    });
  });
});
